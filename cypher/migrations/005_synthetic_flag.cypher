// Real models and companies carry synthetic = false, so list filters seek the composite
// (synthetic, name) indexes instead of scanning the label.
MATCH (n:Model) WHERE n.synthetic IS NULL SET n.synthetic = false;
MATCH (n:Company) WHERE n.synthetic IS NULL SET n.synthetic = false;
CREATE INDEX model_synthetic_name IF NOT EXISTS FOR (n:Model) ON (n.synthetic, n.name);
CREATE INDEX company_synthetic_name IF NOT EXISTS FOR (n:Company) ON (n.synthetic, n.name);
CREATE CONSTRAINT graph_version_key IF NOT EXISTS FOR (n:GraphVersion) REQUIRE n.key IS UNIQUE
