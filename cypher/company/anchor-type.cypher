// Fragment (param $anchor: the value of the filter it anchors on): companies of the enterprise type the filter names.
MATCH (t:EnterpriseType) WHERE $anchor IN [t.key, t.nameEn] + coalesce(t.aliases, [])
MATCH (n:Company)-[:HAS_TYPE]->(t)
