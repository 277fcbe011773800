import { join } from 'node:path';
import type { Express } from 'express';

const modules = join(__dirname, '..', '..', 'node_modules');
const here = join(__dirname, 'explorer');

/** The explorer page and its scripts, all from this repo and npm packages (no CDN). */
export function mountExplorer(app: Express): void {
  const files: Record<string, string> = {
    '/explorer': join(here, 'index.html'),
    '/explorer/explorer.js': join(here, 'explorer.js'),
    '/explorer/explorer.css': join(here, 'explorer.css'),
    '/explorer/cytoscape.min.js': join(modules, 'cytoscape', 'dist', 'cytoscape.min.js'),
    '/explorer/echarts.min.js': join(modules, 'echarts', 'dist', 'echarts.min.js'),
  };
  for (const [path, file] of Object.entries(files)) {
    app.get(path, (_req, res) => {
      // Only this origin's scripts and styles; no inline script, no framing, no MIME sniffing.
      res.setHeader('x-content-type-options', 'nosniff');
      res.setHeader(
        'content-security-policy',
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
      );
      res.setHeader('referrer-policy', 'no-referrer');
      res.sendFile(file);
    });
  }
}
