import { createHash } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { type Principal, requireReader } from '../auth/authenticate';
import { AppError, ErrorCode, errorBody, HTTP_STATUS } from '../errors';

type Authenticate = (headers: Request['headers']) => Promise<Principal | null>;

/** Sends an AppError as a whole HTTP response: its status, Retry-After when a retry helps, a GraphQL-shaped body. */
export function sendError(res: Response, error: AppError): void {
  if (error.code === 'SERVICE_UNAVAILABLE') res.setHeader('retry-after', '1');
  res.status(HTTP_STATUS[error.code]).json(errorBody(error));
}

/**
 * The request policy for routes outside GraphQL: the same credentials and the same read
 * rule as GraphQL (src/auth/authenticate.ts), so READS_PUBLIC=false covers every route.
 * `open` lets anonymous callers through regardless (e.g. METRICS_PUBLIC for /metrics).
 */
export function readers(authenticate: Authenticate, readsPublic: boolean) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    try {
      // Handlers read the caller from res.locals (e.g. to show audit fields to callers with credentials).
      res.locals.principal = requireReader(await authenticate(req.headers), readsPublic);
      next();
    } catch (error) {
      if (error instanceof AppError) sendError(res, error);
      else next(error);
    }
  };
}

/**
 * With trusted documents on, a document that is not on the list is refused before Apollo
 * parses, validates or prices it: an untrusted caller gets no CPU spent on its text.
 */
export function trustedDocumentsOnly(trusted: ReadonlySet<string>) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const query = req.method === 'GET' ? req.query.query : (req.body as { query?: unknown } | undefined)?.query;
    if (typeof query !== 'string') {
      next();
      return;
    }
    const sha256 = createHash('sha256').update(query).digest('hex');
    if (trusted.has(sha256)) {
      next();
      return;
    }
    sendError(
      res,
      new AppError(ErrorCode.FORBIDDEN, 'This operation is not in the list of trusted operations.', { sha256 }),
    );
  };
}
