// Synthetic (generated) data is kept apart by a label and a flag; filters on the flag use this index.
CREATE INDEX model_synthetic IF NOT EXISTS FOR (n:Model) ON (n.synthetic);
CREATE INDEX company_synthetic IF NOT EXISTS FOR (n:Company) ON (n.synthetic);
CREATE INDEX model_filing_type IF NOT EXISTS FOR (n:Model) ON (n.filingType)
