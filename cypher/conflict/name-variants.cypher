// A source that names an entity with a variant spelling the alias table records.
// Params: none. Returns: conflict rows.
MATCH (n) WHERE size(coalesce(n.variantNames, [])) > 0
MATCH (n)-[r]-() WHERE r.nameInSource IN n.variantNames
WITH n, r.nameInSource AS variant, r.sourceKeys[0] AS sourceKey
RETURN DISTINCT 'NAME_VARIANT' AS kind,
       sourceKey + ' writes ' + variant + ' for ' + n.name AS description,
       [n {.*, __label: labels(n)[0]}] AS subjects,
       [{statement: variant, value: null, valueText: variant, sourceKey: sourceKey, claimKey: null},
        {statement: n.name, value: null, valueText: n.name, sourceKey: 'alias-table', claimKey: null}] AS claims
