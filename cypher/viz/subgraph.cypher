// Given nodes and the relationships among them (each found from its end that holds few of its
// kind: walk/expand-node.cypher, so a hub among them is never read whole), as of $asOf and {{> asOf}} (graph/as-of.cypher with a date, graph/any-time.cypher without). Params: $refs [{label, key}], $asOf, $types, $labels, $hub, $take. Returns: { nodes, edges, totalNodes, totalEdges }
CALL () {
  UNWIND $refs AS ref WITH ref WHERE ref.label = 'Model' MATCH (n:Model {key: ref.key}) RETURN n
  UNION
  UNWIND $refs AS ref WITH ref WHERE ref.label = 'Company' MATCH (n:Company {key: ref.key}) RETURN n
  UNION
  UNWIND $refs AS ref WITH ref WHERE ref.label = 'Region' MATCH (n:Region {key: ref.key}) RETURN n
  UNION
  UNWIND $refs AS ref WITH ref WHERE ref.label = 'Cluster' MATCH (n:Cluster {key: ref.key}) RETURN n
  UNION
  UNWIND $refs AS ref WITH ref WHERE ref.label = 'Industry' MATCH (n:Industry {key: ref.key}) RETURN n
  UNION
  UNWIND $refs AS ref WITH ref WHERE ref.label = 'Scenario' MATCH (n:Scenario {key: ref.key}) RETURN n
  UNION
  UNWIND $refs AS ref WITH ref WHERE ref.label = 'Policy' MATCH (n:Policy {key: ref.key}) RETURN n
  UNION
  UNWIND $refs AS ref WITH ref WHERE ref.label = 'EnterpriseType' MATCH (n:EnterpriseType {key: ref.key}) RETURN n
  UNION
  UNWIND $refs AS ref WITH ref WHERE ref.label = 'Insight' MATCH (n:Insight {key: ref.key}) RETURN n
}
WITH n AS y WHERE {{> asOf}}
WITH collect(DISTINCT y) AS kept
CALL (kept) {
  UNWIND kept AS x
  WITH x, false AS sampled
  {{> walk/expand-node}}
  WITH DISTINCT r, y WHERE y IN kept
  WITH DISTINCT r, startNode(r) AS x, endNode(r) AS y
  RETURN collect(r {.*, __type: type(r), __fromLabel: labels(x)[0], __from: x.key,
                    __toLabel: labels(y)[0], __to: y.key}) AS edges
}
UNWIND kept AS n
WITH kept, edges, n {.*, __label: labels(n)[0], __degree: {{> walk/degree}}} AS node
WITH kept, edges, collect(node) AS nodes
RETURN nodes,
       edges, size(kept) AS totalNodes, size(edges) AS totalEdges
