import type { Express, Request, RequestHandler, Response } from 'express';
import { weightOf } from '../cost/prices';
import { LAYOUT_WEIGHT } from '../cost/weights';
import type { Database } from '../db/database';
import { QueryMeter } from '../db/database';
import { AppError, ErrorCode } from '../errors';
import { isValidIsoDate } from '../graph/values';
import type { Feed } from '../viz/feed';
import { FORMATS, type FormatName, placed } from '../viz/formats';
import { neighborhood, subgraph } from '../viz/service';
import { sendError } from './policy';

function list(value: unknown): string[] | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

function int(req: Request, name: string): number | null {
  const raw = req.query[name];
  if (raw === undefined) return null;
  const value = Number(raw);
  if (!Number.isInteger(value))
    throw new AppError(ErrorCode.BAD_USER_INPUT, `Parameter "${name}" must be an integer`, { argument: name });
  return value;
}

function date(req: Request, name: string): string | null {
  const raw = req.query[name];
  if (raw === undefined) return null;
  if (typeof raw !== 'string' || !isValidIsoDate(raw))
    throw new AppError(ErrorCode.BAD_USER_INPUT, `Parameter "${name}" must be a date written YYYY-MM-DD`, {
      argument: name,
    });
  return raw;
}

async function send(req: Request, res: Response, feed: Feed): Promise<void> {
  const format = String(req.query.format ?? 'canonical');
  if (!Object.hasOwn(FORMATS, format)) {
    throw new AppError(
      ErrorCode.BAD_USER_INPUT,
      `Parameter "format" must be one of ${Object.keys(FORMATS).join(', ')}`,
      { argument: 'format' },
    );
  }
  const body = FORMATS[format as FormatName](await placed(feed));
  if (typeof body === 'string') res.type('application/graphml+xml').send(body);
  else res.json(body);
}

/**
 * The visualization feeds over plain HTTP, in each library's own shape:
 *   GET /graph/neighborhood/:id?depth=2&limit=100&types=DEVELOPS,SERVES&asOf=2024-06-30&format=cytoscape
 *   GET /graph/subgraph?ids=<id>,<id>&format=graphml
 * Formats: canonical, cytoscape, g6, echarts, vis, nvl, graphology, graphml.
 */
/**
 * The price of a feed over HTTP, as the GraphQL cost analysis prices the same feed with its
 * positions (every HTTP feed is laid out): refused above the budget before any work, as
 * /graphql refuses (regression: /graph/* ran any size with no budget).
 */
function checkCost(nodes: number, perNode: number, budget: number): void {
  const requested = nodes * (perNode + LAYOUT_WEIGHT);
  if (requested > budget)
    throw new AppError(
      ErrorCode.COST_LIMIT_EXCEEDED,
      `The feed may touch ${requested} nodes; the budget is ${budget}. Ask for a smaller limit or depth.`,
      { limit: 'cost', cost: { requested, budget } },
    );
}

export function mountGraphExport(app: Express, db: Database, mayRead: RequestHandler, costBudget: number): void {
  const handle = (work: (req: Request, audit: boolean) => Promise<Feed>) => async (req: Request, res: Response) => {
    try {
      await send(req, res, await work(req, Boolean(res.locals.principal)));
    } catch (error) {
      if (error instanceof AppError) {
        sendError(res, error);
      } else {
        console.error(error);
        res.status(500).json({
          errors: [{ message: 'Internal server error', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } }],
        });
      }
    }
  };
  app.get(
    '/graph/neighborhood/:id',
    mayRead,
    handle((req, audit) => {
      const depth = int(req, 'depth');
      const limit = int(req, 'limit');
      checkCost((limit ?? 100) * (depth ?? 1), weightOf('Query.neighborhood'), costBudget);
      return neighborhood(db, new QueryMeter(), {
        id: String(req.params.id),
        depth,
        limit,
        types: list(req.query.types),
        asOf: date(req, 'asOf'),
        audit,
      });
    }),
  );
  app.get(
    '/graph/subgraph',
    mayRead,
    handle((req, audit) => {
      const ids = list(req.query.ids) ?? [];
      checkCost(ids.length, 1, costBudget);
      return subgraph(db, new QueryMeter(), { ids, types: list(req.query.types), asOf: date(req, 'asOf'), audit });
    }),
  );
}
