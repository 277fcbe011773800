// What the register gained after $from up to and including $to: filings (models filed), companies
// whose first filing falls in the window, policies issued, and the new filings counted by
// province-level region and by industry. Params: $from, $to (ISO dates), $first (list sizes).
// Returns: { filingCount, filings, companyCount, companies, policyCount, policies, byRegion, byIndustry }
CALL () {
  MATCH (m:Model) WHERE m.filingDate > $from AND m.filingDate <= $to
  WITH m ORDER BY m.filingDate, m.key
  RETURN count(m) AS filingCount, collect(m {.*, __label: 'Model'})[..toInteger($first)] AS filings
}
CALL () {
  MATCH (c:Company)-[:DEVELOPS]->(m:Model) WHERE m.filingDate IS NOT NULL
  WITH c, min(m.filingDate) AS firstFiled WHERE firstFiled > $from AND firstFiled <= $to
  WITH c, firstFiled ORDER BY firstFiled, c.key
  RETURN count(c) AS companyCount, collect(c {.*, __label: 'Company'})[..toInteger($first)] AS companies
}
CALL () {
  MATCH (p:Policy) WHERE p.issuedOn > $from AND p.issuedOn <= $to
  WITH p ORDER BY p.issuedOn, p.key
  RETURN count(p) AS policyCount, collect(p {.*, __label: 'Policy'}) AS policies
}
CALL () {
  MATCH (m:Model)-[:FILED_IN]->(r:Region)
    WHERE m.filingDate > $from AND m.filingDate <= $to
  WITH r, count(m) AS n ORDER BY n DESC, r.key
  RETURN collect({entity: r {.*, __label: 'Region'}, label: r.name, count: n}) AS byRegion
}
CALL () {
  MATCH (m:Model)-[:SERVES]->(i:Industry)
    WHERE m.filingDate > $from AND m.filingDate <= $to
  WITH i, count(m) AS n ORDER BY n DESC, i.key
  RETURN collect({entity: i {.*, __label: 'Industry'}, label: i.name, count: n}) AS byIndustry
}
RETURN filingCount, filings, companyCount, companies, policyCount, policies, byRegion, byIndustry
