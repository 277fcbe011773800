import { Resvg } from '@resvg/resvg-js';
import * as echarts from 'echarts';
import type { Cell } from '../bench';

/** A PNG of p50 latency per operation and way at the lowest concurrency (ECharts SVG, rendered by resvg). */
export async function renderChart(result: { scale: number; cells: Cell[] }): Promise<Buffer> {
  const low = Math.min(...result.cells.map((c) => c.concurrency));
  const ops = [...new Set(result.cells.map((c) => c.operation))];
  const series = (['raw', 'api', 'neo4jGraphql'] as const).map((way) => ({
    name: { raw: 'raw Cypher', api: 'this API', neo4jGraphql: '@neo4j/graphql' }[way],
    type: 'bar' as const,
    data: ops.map((op) => {
      const c = result.cells.find((x) => x.operation === op && x.way === way && x.concurrency === low);
      return c ? Number(c.p50.toFixed(2)) : null;
    }),
  }));
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 1200, height: 560 });
  chart.setOption({
    backgroundColor: '#ffffff',
    title: { text: `p50 latency (ms) at concurrency ${low}, scale ${result.scale}x`, left: 'center' },
    legend: { top: 30 },
    grid: { left: 60, right: 20, top: 70, bottom: 140 },
    xAxis: { type: 'category', data: ops, axisLabel: { rotate: 25, interval: 0 } },
    yAxis: { type: 'value', name: 'ms' },
    series,
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return Buffer.from(new Resvg(svg, { background: 'white', font: { loadSystemFonts: true } }).render().asPng());
}
