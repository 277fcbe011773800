// Claims about entities of one label. Slots: {{label}}. Params: $keys [entity key].
// Returns: { key, claim } ordered by date and metric.
UNWIND $keys AS key
MATCH (:{{label}} {key: key})<-[:ABOUT]-(c:Claim)
RETURN key, c {.*, __label: 'Claim'} AS claim
ORDER BY key, coalesce(c.asOf, c.period, ''), c.metric, c.key
