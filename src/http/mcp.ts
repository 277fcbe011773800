import type { ApolloServer } from '@apollo/server';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import express, { type Express } from 'express';
import type { Principal } from '../auth/authenticate';
import type { Context } from '../entity/context';
import { AppError, HTTP_STATUS } from '../errors';
import { graphqlRunner, VERSION } from '../mcp/run';
import { createMcpServer } from '../mcp/tools';

interface McpRoute {
  apollo: ApolloServer<Context>;
  /** The caller from the request's headers (API key or bearer token), as /graphql reads it. */
  authenticate: (headers: express.Request['headers']) => Promise<Principal | null>;
  /** A fresh context for one tool call; throws UNAUTHENTICATED where reads need credentials. */
  context: (principal: Principal | null, requestId?: string) => Context;
  bodyLimit: string;
}

/**
 * MCP over Streamable HTTP at /mcp, stateless: each POST is answered by its own server and
 * transport (JSON, no session), so any instance behind a load balancer answers any call. The
 * caller is authenticated as for /graphql and every tool runs as a GraphQL operation with the
 * same limits; GET (a server-sent stream) and DELETE (a session) are not offered.
 */
export function mountMcp(app: Express, route: McpRoute): void {
  app.post('/mcp', express.json({ limit: route.bodyLimit }), async (req, res) => {
    const requestId = (req as express.Request & { requestId?: string }).requestId;
    let principal: Principal | null;
    try {
      principal = await route.authenticate(req.headers);
      // Fails as /graphql does when reads need credentials and there are none.
      route.context(principal, requestId);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      res.status(HTTP_STATUS[error.code]).json({
        jsonrpc: '2.0',
        error: { code: -32001, message: error.message, data: { code: error.code } },
        id: null,
      });
      return;
    }
    const server = createMcpServer(
      graphqlRunner(route.apollo, () => route.context(principal, requestId)),
      VERSION,
    );
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    res.on('close', () => {
      void transport.close();
      void server.close();
    });
    await server.connect(transport);
    await transport.handleRequest(req, res, req.body);
  });
  const notOffered = (_req: express.Request, res: express.Response) => {
    res
      .status(405)
      .set('allow', 'POST')
      .json({
        jsonrpc: '2.0',
        error: { code: -32000, message: 'This MCP endpoint is stateless: POST each JSON-RPC message.' },
        id: null,
      });
  };
  app.get('/mcp', notOffered);
  app.delete('/mcp', notOffered);
}
