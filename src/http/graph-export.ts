import type { Express, Request, Response } from 'express';
import { AppError, ErrorCode } from '../errors';
import type { Database } from '../db/database';
import { QueryMeter } from '../db/database';
import type { Feed } from '../viz/feed';
import { FORMATS, type FormatName } from '../viz/formats';
import { neighborhood, subgraph } from '../viz/service';

function list(value: unknown): string[] | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  return value.split(',').map((s) => s.trim()).filter(Boolean);
}

function int(req: Request, name: string): number | null {
  const raw = req.query[name];
  if (raw === undefined) return null;
  const value = Number(raw);
  if (!Number.isInteger(value)) throw new AppError(ErrorCode.BAD_USER_INPUT, `Parameter "${name}" must be an integer`, { argument: name });
  return value;
}

function send(req: Request, res: Response, feed: Feed): void {
  const format = String(req.query.format ?? 'canonical');
  if (!(format in FORMATS)) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, `Parameter "format" must be one of ${Object.keys(FORMATS).join(', ')}`, { argument: 'format' });
  }
  const body = FORMATS[format as FormatName](feed);
  if (typeof body === 'string') res.type('application/graphml+xml').send(body);
  else res.json(body);
}

const STATUS: Partial<Record<string, number>> = { BAD_USER_INPUT: 400, SERVICE_UNAVAILABLE: 503, QUERY_TIMEOUT: 504 };

/**
 * The visualization feeds over plain HTTP, in each library's own shape:
 *   GET /graph/neighborhood/:id?depth=2&limit=100&types=DEVELOPS,SERVES&format=cytoscape
 *   GET /graph/subgraph?ids=<id>,<id>&format=graphml
 * Formats: canonical, cytoscape, g6, echarts, vis, nvl, graphology, graphml.
 */
export function mountGraphExport(app: Express, db: Database): void {
  const handle = (work: (req: Request) => Promise<Feed>) => async (req: Request, res: Response) => {
    try {
      send(req, res, await work(req));
    } catch (error) {
      if (error instanceof AppError) {
        res.status(STATUS[error.code] ?? 500).json({ errors: [{ message: error.message, extensions: { code: error.code, ...error.details } }] });
      } else {
        console.error(error);
        res.status(500).json({ errors: [{ message: 'Internal server error', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } }] });
      }
    }
  };
  app.get(
    '/graph/neighborhood/:id',
    handle((req) => neighborhood(db, new QueryMeter(), { id: String(req.params.id), depth: int(req, 'depth'), limit: int(req, 'limit'), types: list(req.query.types) })),
  );
  app.get(
    '/graph/subgraph',
    handle((req) => subgraph(db, new QueryMeter(), { ids: list(req.query.ids) ?? [], types: list(req.query.types) })),
  );
}
