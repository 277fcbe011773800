// Every identifying key is unique per label. Statements end with ';' (migrations are the
// one kind of file that holds several statements; each is idempotent).
CREATE CONSTRAINT model_key IF NOT EXISTS FOR (n:Model) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT model_filing_number IF NOT EXISTS FOR (n:Model) REQUIRE n.filingNumber IS UNIQUE;
CREATE CONSTRAINT company_key IF NOT EXISTS FOR (n:Company) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT region_key IF NOT EXISTS FOR (n:Region) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT cluster_key IF NOT EXISTS FOR (n:Cluster) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT industry_key IF NOT EXISTS FOR (n:Industry) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT scenario_key IF NOT EXISTS FOR (n:Scenario) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT policy_key IF NOT EXISTS FOR (n:Policy) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT enterprise_type_key IF NOT EXISTS FOR (n:EnterpriseType) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT insight_key IF NOT EXISTS FOR (n:Insight) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT source_key IF NOT EXISTS FOR (n:Source) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT claim_key IF NOT EXISTS FOR (n:Claim) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT migration_id IF NOT EXISTS FOR (n:Migration) REQUIRE n.id IS UNIQUE;
