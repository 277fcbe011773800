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
  for (const [path, file] of Object.entries(files)) app.get(path, (_req, res) => res.sendFile(file));
}
