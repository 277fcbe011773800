/**
 * Measures what each priced field costs the database, to keep the cost table honest:
 *   npm run calibrate -- [--runs 15] [--out bench/results] [--uri bolt://...]
 * Runs each operation against a loaded graph (the bundled Neo4j on NEO4J_BOLT_PORT unless
 * --uri), takes the median time over --runs less a one-lookup baseline, divides by the items
 * the operation is priced for (with weight 1), and compares each field's time per item with
 * nested list pages'.
 * Prints the table and writes JSON; src/cost/weights.ts holds the rounded ratios.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createApp } from '../src/app';
import { type CommandSpec, failWith, intOption, parseCommand } from '../src/cli/command';
import { parseConfig } from '../src/config';
import { weightOf } from '../src/cost/prices';
import { instance, start } from '../src/db/bundled-neo4j';
import { openDatabase } from '../src/db/database';

const SPEC: CommandSpec = {
  name: 'npm run calibrate --',
  summary:
    "Measures each priced field's database work per item against a list item's (the price table of src/cost/prices.ts).",
  options: {
    runs: {
      type: 'string',
      value: 'N',
      default: '15',
      description: 'timed runs per operation after one warm-up (1 to 1000)',
    },
    out: { type: 'string', value: 'DIR', default: 'bench/results', description: 'where the JSON result goes' },
    uri: {
      type: 'string',
      value: 'URI',
      description: 'a loaded Neo4j to measure (default: the bundled one, started if needed)',
    },
  },
  example: 'npm run calibrate -- --runs 30',
};

async function main(): Promise<void> {
  const { values } = parseCommand(SPEC);
  const runs = intOption(SPEC, 'runs', values.runs, 1, 1000);

  if (!values.uri) await start(instance());
  const config = parseConfig({
    ...process.env,
    ...(values.uri ? { NEO4J_URI: String(values.uri) } : {}),
    LOG_LEVEL: 'silent',
    COST_BUDGET: '10000000',
  });
  const db = openDatabase(config);
  const app = await createApp({ db, config });
  const run = async (query: string) => {
    const r = (await app.apollo.executeOperation({ query }, { contextValue: app.context(null) })) as {
      // biome-ignore lint/suspicious/noExplicitAny: each calibration query has its own result shape
      body: { singleResult: { data?: any; errors?: { message: string }[] } };
    };
    if (r.body.singleResult.errors)
      throw new Error(`${query}: ${r.body.singleResult.errors[0].message} (is the graph loaded? npm run data:load)`);
    return r.body.singleResult.data;
  };
  try {
    const ids = await run('{ a: companyByName(name: "百度") { id } b: policyByName(name: "暂行办法") { id } }');
    const [from, to] = [ids.a.id, ids.b.id];
    // [field, operation, items it is priced for at weight 1]
    const operations: [string, string, number][] = [
      ['baseline', '{ companyByName(name: "百度") { name } }', 1],
      [
        'list',
        '{ companies(first: 50) { nodes { models(first: 20) { nodes { industries { nodes { name } } } } } } }',
        50 + 50 * 20 + 50 * 20 * 10,
      ],
      ['list', '{ companies(first: 100) { nodes { models(first: 100) { nodes { name } } } } }', 100 + 100 * 100],
      ['search', '{ search(text: "模型", first: 20) { score } }', 20],
      ['shortestPath', `{ shortestPath(from: "${from}", to: "${to}", maxHops: 4) { length } }`, 5],
      ['shortestPaths', `{ shortestPaths(from: "${from}", to: "${to}", k: 10, maxHops: 6) { length } }`, 70],
      ['links', `{ links(from: "${from}", targetType: POLICY, first: 20, maxHops: 6) { target { name } } }`, 140],
      ['companyPolicies', `{ companyPolicies(company: "${from}", first: 20, maxHops: 4) { target { name } } }`, 100],
      ['neighborhood', `{ neighborhood(id: "${from}", depth: 2, limit: 100) { totalNodes } }`, 200],
      ['neighborhood', `{ neighborhood(id: "${from}", depth: 3, limit: 500) { totalNodes } }`, 1500],
    ];
    const rows = [];
    for (const [field, query, items] of operations) {
      process.stderr.write(`[calibrate] ${field}: ${runs} runs...\n`);
      await run(query);
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const started = performance.now();
        await run(query);
        times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      const medianMs = times[Math.floor(times.length / 2)];
      rows.push({ field, query, items, medianMs, usPerItem: 0 });
    }
    // What every request costs whatever it asks (HTTP-free here: GraphQL, one Bolt round trip) is not the field's work.
    const baselineMs = rows.find((r) => r.field === 'baseline')!.medianMs;
    for (const r of rows) r.usPerItem = (Math.max(r.medianMs - baselineMs, 0.05) * 1000) / r.items;
    const list = rows.filter((r) => r.field === 'list');
    const listUs = list.reduce((s, r) => s + r.usPerItem, 0) / list.length;
    const table = rows
      .filter((r) => r.field !== 'baseline')
      .map((r) => ({ ...r, ratio: r.usPerItem / listUs, weight: weightOf(`Query.${r.field}`) }));
    console.log(`baseline (one lookup, subtracted from every median): ${baselineMs.toFixed(2)} ms`);
    console.log('| field | priced items | median ms | µs per item | × list item | weight in src/cost/prices.ts |');
    console.log('|---|---|---|---|---|---|');
    for (const r of table)
      console.log(
        `| ${r.field} | ${r.items} | ${r.medianMs.toFixed(2)} | ${r.usPerItem.toFixed(1)} | ${r.ratio.toFixed(1)} | ${r.weight} |`,
      );
    const out = resolve(join(__dirname, '..'), String(values.out));
    mkdirSync(out, { recursive: true });
    const file = join(out, `cost-calibration-${new Date().toISOString().slice(0, 10)}.json`);
    writeFileSync(
      file,
      JSON.stringify({ date: new Date().toISOString(), runs, baselineMs, listUsPerItem: listUs, rows: table }, null, 1),
    );
    process.stderr.write(`[calibrate] results in ${file}\n`);
  } finally {
    await app.stop();
    await db.close();
  }
}

main().catch((error: Error) => failWith('calibrate', error));
