// Benchmark data no longer lives in the product graph (npm run generate and npm run bench use a
// scratch Neo4j of their own): remove what earlier versions generated here, the flag and its indexes.
// The deletes run in their own transactions (a 1000x register is about half a million nodes).
MATCH (n:Synthetic) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS;
MATCH (s:Source) WHERE s.kind = 'SYNTHETIC' CALL (s) { DETACH DELETE s } IN TRANSACTIONS OF 5000 ROWS;
MATCH (n:Model) WHERE n.synthetic IS NOT NULL CALL (n) { REMOVE n.synthetic } IN TRANSACTIONS OF 10000 ROWS;
MATCH (n:Company) WHERE n.synthetic IS NOT NULL CALL (n) { REMOVE n.synthetic } IN TRANSACTIONS OF 10000 ROWS;
DROP INDEX model_synthetic IF EXISTS;
DROP INDEX company_synthetic IF EXISTS;
DROP INDEX model_synthetic_name IF EXISTS;
DROP INDEX company_synthetic_name IF EXISTS
