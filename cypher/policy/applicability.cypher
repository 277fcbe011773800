// The facts that decide which policies apply to each company (src/policy/applicability.ts holds
// the rules): its own filings, its places and how each is known, the policies whose regions
// contain a place, the national policies, its enterprise types, and the policies that promote or
// regulate its own models or what they serve. Only the company's own facts are read: its models,
// its places, its types; never another company, never another filer's model. With $asOf, only
// what existed then: a company from its first dated filing, a model once filed, a policy once
// issued (what carries no date is always there).
// Params: $keys (company keys), $asOf (ISO date or null).
// Returns one row per company that existed by $asOf:
//   { key, firstFiled, filings: [segment] (the one the rules show), places: [{basis, region, segment}] (one per basis and region),
//     scoped: [{place, region, chain: segment}], national: [policy], types: [segment],
//     subjects: [{kind, policy, scoped, degree, segment}] (the first of each equal score) }
// where a segment is { nodes: [entity row], rels: [relationship row], forward: [boolean] }.
CALL () {
  MATCH (p:Policy)
  WHERE (p.level = 'NATIONAL' OR EXISTS { (p)-[:APPLIES_TO]->(:Region {kind: 'COUNTRY'}) })
    AND ($asOf IS NULL OR p.issuedOn IS NULL OR p.issuedOn <= $asOf)
  RETURN collect(p {.*, __label: 'Policy'}) AS national
}
UNWIND $keys AS key
MATCH (c:Company {key: key})
WITH national, key, c,
     reduce(earliest = null, d IN [(c)-[:DEVELOPS]->(f:Model) WHERE f.filingDate IS NOT NULL | f.filingDate] |
       CASE WHEN earliest IS NULL OR d < earliest THEN d ELSE earliest END) AS firstFiled
WHERE $asOf IS NULL OR firstFiled IS NULL OR firstFiled <= $asOf
WITH national, key, c, firstFiled, c {.*, __label: 'Company'} AS cRow,
     [(c)-[d:DEVELOPS]->(m:Model) WHERE $asOf IS NULL OR m.filingDate IS NULL OR m.filingDate <= $asOf | {d: d, m: m}] AS own
CALL (c, cRow, own) {
  UNWIND own AS o
  WITH o.d AS d, o.m AS m
  WHERE d.role IN ['备案单位', '登记单位'] OR m.filingType IN ['备案', '登记']
  // The filing that best shows the company filed (the rules show one): the first with a number,
  // then with a date (src/policy/applicability.ts filingOrder).
  WITH d, m, CASE WHEN m.filingNumber IS NULL THEN 2 ELSE 0 END + CASE WHEN m.filingDate IS NULL THEN 1 ELSE 0 END AS rank
  WITH collect({d: d, m: m, rank: rank}) AS filed
  WITH reduce(best = null, f IN filed | CASE WHEN best IS NULL OR f.rank < best.rank THEN f ELSE best END) AS best
  WITH best.d AS d, best.m AS m
  RETURN CASE WHEN m IS NULL THEN [] ELSE [{nodes: [cRow, m {.*, __label: 'Model'}],
    rels: [d {.*, __type: 'DEVELOPS'}], forward: [true]}] END AS filings
}
CALL (c, cRow, own) {
  CALL (c, cRow, own) {
    MATCH (c)-[r:BASED_IN]->(g:Region)
    RETURN 'BASED_IN' AS basis, g, {nodes: [cRow, g {.*, __label: 'Region'}], rels: [r {.*, __type: 'BASED_IN'}], forward: [true]} AS segment
    UNION ALL
    UNWIND own AS o
    WITH o.d AS d, o.m AS m
    MATCH (m)-[f:FILED_IN]->(g:Region)
    RETURN 'FILED_IN' AS basis, g, {nodes: [cRow, m {.*, __label: 'Model'}, g {.*, __label: 'Region'}],
      rels: [d {.*, __type: 'DEVELOPS'}, f {.*, __type: 'FILED_IN'}], forward: [true, true]} AS segment
    UNION ALL
    UNWIND own AS o
    WITH o.d AS d, o.m AS m
    WHERE m.filingNumber CONTAINS '-' AND NOT EXISTS { (m)-[:FILED_IN]->(:Region) }
    MATCH (g:Region)
    WHERE toLower(g.filingPrefix) = toLower(split(m.filingNumber, '-')[0])
    RETURN 'FILING_NUMBER' AS basis, g, {nodes: [cRow, m {.*, __label: 'Model'}], rels: [d {.*, __type: 'DEVELOPS'}],
      forward: [true]} AS segment
    UNION ALL
    // The registered name's administrative division, in either form the naming rules allow:
    // 北京百度网讯科技有限公司, 阿里巴巴达摩院（杭州）科技有限公司.
    MATCH (g:Region)
    WHERE NOT coalesce(g.kind, '') IN ['COUNTRY', 'CENTRAL_SOE']
      AND any(n IN [g.name, g.shortName] WHERE n IS NOT NULL AND size(n) >= 2
        AND (c.name STARTS WITH n OR c.name CONTAINS '（' + n + '）' OR c.name CONTAINS '(' + n + ')'))
    RETURN 'REGISTERED_NAME' AS basis, g, {nodes: [cRow], rels: [], forward: []} AS segment
  }
  // One place per basis and region, the first found: the rules score a place by its basis and
  // the region's chain only, so a company with 40 models filed in one city is placed there once.
  WITH collect({basis: basis, region: g {.*, __label: 'Region'}, node: g, segment: segment}) AS found
  RETURN reduce(kept = [], x IN found |
    CASE WHEN any(k IN kept WHERE k.basis = x.basis AND k.node = x.node) THEN kept ELSE kept + [x] END) AS placed
}
CALL (placed) {
  UNWIND range(0, size(placed) - 1) AS i
  WITH i, placed[i].node AS g
  MATCH chain = (g)-[:WITHIN*0..4]->(a:Region)<-[:APPLIES_TO]-(p:Policy)
  WHERE $asOf IS NULL OR p.issuedOn IS NULL OR p.issuedOn <= $asOf
  WITH i, a, nodes(chain) AS ns, relationships(chain) AS rs
  RETURN collect({place: i, region: a {.*, __label: 'Region'}, chain: {
    nodes: [n IN ns | n {.*, __label: labels(n)[0]}],
    rels: [r IN rs | r {.*, __type: type(r)}],
    forward: [j IN range(0, size(rs) - 1) | startNode(rs[j]) = ns[j]]}}) AS scoped
}
CALL (c, cRow) {
  MATCH (c)-[h:HAS_TYPE]->(t:EnterpriseType)
  RETURN collect({nodes: [cRow, t {.*, __label: 'EnterpriseType'}], rels: [h {.*, __type: 'HAS_TYPE'}], forward: [true]}) AS types
}
CALL (cRow, own) {
  UNWIND own AS o
  WITH o.d AS d, o.m AS m
  CALL (m) {
    MATCH path = (m)<-[:PROMOTES|REGULATES]-(:Policy)
    RETURN 'NAMED' AS kind, path, 0 AS degree
    UNION ALL
    MATCH path = (m)-[:SERVES]->(i:Industry)<-[:PROMOTES|REGULATES]-(:Policy)
    RETURN 'SUBJECT' AS kind, path, COUNT { (i)<-[:SERVES]-() } AS degree
    UNION ALL
    MATCH path = (m)-[:APPLIED_IN]->(s:Scenario)<-[:PROMOTES|REGULATES]-(:Policy)
    RETURN 'SUBJECT' AS kind, path, COUNT { (s)<-[:APPLIED_IN]-() } AS degree
    UNION ALL
    MATCH path = (m)-[:APPLIED_IN]->(:Scenario)-[:IN_INDUSTRY]->(i:Industry)<-[:PROMOTES|REGULATES]-(:Policy)
    RETURN 'SUBJECT' AS kind, path, COUNT { (i)<-[:SERVES]-() } AS degree
  }
  WITH d, kind, degree, nodes(path) AS ns, relationships(path) AS rs
  WITH d, kind, degree, ns, rs, last(ns) AS p
  WHERE $asOf IS NULL OR p.issuedOn IS NULL OR p.issuedOn <= $asOf
  // The rules score a subject path by its kind, policy, subject's degree, length and whether a
  // step is inferred, and show the first of equals: only that one of each is read out (a company
  // whose 40 models serve one industry has 40 equal paths to each policy promoting it).
  WITH kind, p, degree, size(rs) AS hops,
       any(r IN [d] + rs WHERE r.inferred = true) AS inferred, collect({d: d, ns: ns, rs: rs})[0] AS first
  WITH kind, p, degree, first.d AS d, first.ns AS ns, first.rs AS rs
  RETURN collect({kind: kind, degree: degree, policy: p {.*, __label: 'Policy'},
    scoped: p.level IS NOT NULL OR EXISTS { (p)-[:APPLIES_TO]->(:Region) },
    segment: {nodes: [cRow] + [n IN ns | n {.*, __label: labels(n)[0]}],
      rels: [d {.*, __type: 'DEVELOPS'}] + [r IN rs | r {.*, __type: type(r)}],
      forward: [true] + [j IN range(0, size(rs) - 1) | startNode(rs[j]) = ns[j]]}}) AS subjects
}
RETURN key, cRow AS company, firstFiled, filings,
       [x IN placed | {basis: x.basis, region: x.region, segment: x.segment}] AS places,
       scoped, national, types, subjects
