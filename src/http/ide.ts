import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Express } from 'express';
import express from 'express';

const modules = join(__dirname, '..', '..', 'node_modules');

/** Operations the IDE opens with, ready to run. */
export const EXAMPLE_OPERATIONS = `# A company's models and the industries they serve
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

# Provinces ranked by filings: stated (report) beside counted (filing list)
query ProvincesByFilings {
  filingsByRegion(rankBy: STATED) {
    totalCounted
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

# Search across every type (two or more Chinese characters, or English)
query Search {
  search(text: "智谱", first: 10) {
    score
    node { __typename name nameEn }
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
