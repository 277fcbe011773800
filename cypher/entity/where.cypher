// Fragment: the filter of types that only filter by name.
{{> entity/name-contains}}
