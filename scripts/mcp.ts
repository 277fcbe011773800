/**
 * The MCP tools over stdio, for desktop clients (Claude Desktop, Cursor, ...): npm run -s mcp
 * Without NEO4J_URI it uses the bundled Neo4j, starting it (and loading the data) if needed.
 * Standard output carries the protocol only: logs and progress go to standard error.
 */
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { createApp } from '../src/app';
import { type CommandSpec, failWith, openGraph, parseCommand } from '../src/cli/command';
import { parseConfig } from '../src/config';
import { graphqlRunner, VERSION } from '../src/mcp/run';
import { createMcpServer } from '../src/mcp/tools';
import { createLogger } from '../src/observability/logger';
import { prepareGraph } from '../src/setup/default-data';

const SPEC: CommandSpec = {
  name: 'npm run mcp --',
  summary:
    "Serves the registry's MCP tools over stdio (search, entity, company_policies, links, shortest_paths, neighborhood, statistics, changes, resolve_name).\nWithout NEO4J_URI it uses the bundled Neo4j, starting it if needed. Reads run as a local reader.",
  positionals: { names: [], min: 0 },
  options: {},
  example: 'npm run -s mcp',
};

async function main(): Promise<void> {
  parseCommand(SPEC);
  const config = parseConfig();
  const log = (m: string) => process.stderr.write(`[mcp] ${m}\n`);
  const db = await openGraph(config, log);
  await prepareGraph(db, log);
  const app = await createApp({ db, config, logger: createLogger(config.logLevel, 2) });
  // Whoever runs this process holds the database's credentials already: it reads as a reader.
  const principal = { name: 'stdio', role: 'reader' as const, via: 'api-key' as const };
  const server = createMcpServer(
    graphqlRunner(app.apollo, () => app.context(principal)),
    VERSION,
  );
  const transport = new StdioServerTransport();
  const stop = async () => {
    await server.close();
    await app.stop();
    await db.close();
    process.exit(0);
  };
  transport.onclose = () => void stop();
  process.stdin.on('end', () => void stop());
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  await server.connect(transport);
  log(`ready: ${config.neo4j.uri ?? `the bundled Neo4j on port ${config.neo4j.boltPort}`}`);
}

main().catch((error: Error) => failWith('mcp', error));
