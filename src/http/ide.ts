import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Express } from 'express';
import express from 'express';

const modules = join(__dirname, '..', '..', 'node_modules');

/** Operations the IDE opens with, ready to run. */
export const EXAMPLE_OPERATIONS = `# Every use of the API, each starting from names (no ids to look up first).
# Choose an operation with the ▶ button's menu. English, pinyin, short forms and legal
# suffixes all work: "Baidu Inc.", "wenxin yiyan", "腾讯公司".

# 1. Look up by name: a company, its models and the industries they serve
query CompanyModels {
  companyByName(name: "百度") {
    name
    nameEn
    models(first: 10) {
      totalCount
      nodes {
        name
        filingNumber
        filingDate
        industries { nodes { name } }
        sources { title }
      }
    }
  }
}

# 2. What a typed name names: the match, or the tied candidates (天玄: three filings), or near names
query ResolveName {
  resolveName(name: "Tianxuan") {
    match { __typename name }
    ambiguous
    candidates { how score node { __typename id name } }
  }
}

# 3. Search across every type, best first
query Search {
  search(text: "智谱", first: 10) {
    score
    node { __typename name nameEn }
  }
}

# 4. Lists with filters, paged: models filed in Beijing in 2024
query ModelsFiledInBeijing {
  models(first: 10, where: { region: "北京市", filedFrom: "2024-01-01", filedTo: "2024-12-31" }) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { name filingNumber filingDate developers { nodes { name } } }
  }
}

# 5. Statistics: provinces ranked by filings, stated (report) beside counted (filing list)
query ProvincesByFilings {
  filingsByRegion(rankBy: STATED) {
    totalCounted
    coverageNote
    statedTotal { value asOf source { title } }
    rows {
      rank
      label
      counted
      statedCount
      statedShare
      stated { metric value quote source { title } }
    }
  }
}

# 6. Which policies apply to a company, and why (rule, reason, evidence)
query CompanyPolicies {
  companyPolicies(company: "腾讯") {
    target { name }
    rule
    reason
    reasonEn
    matches { rule basis evidence { explanation } }
  }
}

# 7. Shortest paths between two names, explained
query ShortestPaths {
  shortestPaths(from: "腾讯", to: "暂行办法", k: 2) {
    length
    explanation
    explanationEn
  }
}

# 8. Links: every industry linked to a company, most specific first, with the reason
query CompanyIndustries {
  links(from: "百度", targetType: INDUSTRY, first: 5) {
    target { name }
    score
    reason
  }
}

# 9. A neighbourhood as a graph feed (nodes and edges, for Cytoscape, ECharts, Sigma, ...)
query Neighbourhood {
  neighborhood(id: "文心一言", depth: 1, limit: 30) {
    totalNodes
    nodes { entityId type caption distance }
    edges { sourceEntityId targetEntityId caption }
  }
}

# 10. The graph as of a date: the same questions as they stood then
query AsOf {
  then: filingsByRegion(rankBy: COUNTED, asOf: "2024-06-30") { totalCounted rows { label counted } }
  policies: companyPolicies(company: "百度", asOf: "2023-06-30") { target { name } rule }
}

# 11. What changed between two dates (after each CAC release)
query Changes {
  changes(from: "2024-03-31", to: "2024-12-31", first: 5) {
    filingCount
    companyCount
    policyCount
    filings { name filingDate }
    byRegion { label count }
  }
}
`;

function page(): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>CAC generative-AI graph · GraphiQL</title>
<link rel="stylesheet" href="/ide-assets/graphiql.min.css">
<link rel="icon" href="data:,">
<style>html,body,#graphiql{height:100%;margin:0}</style>
</head>
<body>
<div id="graphiql">Loading GraphiQL…</div>
<script src="/ide-assets/react.production.min.js"></script>
<script src="/ide-assets/react-dom.production.min.js"></script>
<script src="/ide-assets/graphiql.min.js"></script>
<script>
  const fetcher = GraphiQL.createFetcher({ url: location.pathname });
  const root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(React.createElement(GraphiQL, {
    fetcher,
    defaultEditorToolsVisibility: true,
    defaultQuery: ${JSON.stringify(EXAMPLE_OPERATIONS)},
  }));
</script>
</body>
</html>`;
}

/** GraphiQL served from npm packages, so the IDE works with no internet (no CDN). */
export function mountIde(app: Express, path: string): void {
  const assets = express.Router();
  const files: Record<string, string> = {
    'graphiql.min.css': join(modules, 'graphiql', 'graphiql.min.css'),
    'graphiql.min.js': join(modules, 'graphiql', 'graphiql.min.js'),
    'react.production.min.js': join(modules, 'react', 'umd', 'react.production.min.js'),
    'react-dom.production.min.js': join(modules, 'react-dom', 'umd', 'react-dom.production.min.js'),
  };
  for (const [name, file] of Object.entries(files)) {
    assets.get(`/${name}`, (_req, res) => res.sendFile(file, { maxAge: '1d' }));
  }
  app.use('/ide-assets', assets);
  const html = page();
  // The page's one inline script, allowed by its hash: no other script runs, and no site may frame it.
  const inline = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
  const csp =
    `default-src 'self'; script-src 'self' 'sha256-${createHash('sha256').update(inline).digest('base64')}'; ` +
    "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; " +
    "worker-src 'self' blob:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
  app.get(path, (req, res, next) => {
    if (
      req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) !== 'text/html' ||
      req.query.query
    )
      return next();
    res.setHeader('content-security-policy', csp);
    res.type('html').send(html);
  });
}
