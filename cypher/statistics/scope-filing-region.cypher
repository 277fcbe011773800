// Fragment: regions that filings are made in (province level and the central-SOE category).
x.kind IN ['MUNICIPALITY', 'PROVINCE', 'AUTONOMOUS_REGION', 'CENTRAL_SOE']
