import { Resvg } from '@resvg/resvg-js';
import * as echarts from 'echarts';
import type { Cell } from './operations';

/**
 * A PNG of p50 latency per operation and way at the lowest concurrency (ECharts SVG, rendered
 * by resvg). Log scale: the operations span 0.3 ms to seconds.
 */
export async function renderChart(result: { scale: number; cells: Cell[] }): Promise<Buffer> {
  const low = Math.min(...result.cells.map((c) => c.concurrency));
  const ops = [...new Set(result.cells.map((c) => c.operation))];
  const series = (['raw', 'api', 'apiUncached', 'neo4jGraphql'] as const).map((way) => ({
    name: {
      raw: 'raw Cypher',
      api: 'this API',
      apiUncached: 'this API, no response cache',
      neo4jGraphql: '@neo4j/graphql',
    }[way],
    type: 'bar' as const,
    data: ops.map((op) => {
      const c = result.cells.find((x) => x.operation === op && x.way === way && x.concurrency === low);
      // Bars are drawn on log10(ms / 0.1), so every bar starts at the 0.1 ms baseline.
      return c ? Number(Math.log10(Math.max(c.p50, 0.1) / 0.1).toFixed(3)) : null;
    }),
  }));
  const top = Math.max(1, Math.ceil(Math.max(...series.flatMap((x) => x.data.map((v) => v ?? 0)))));
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 1200, height: 560 });
  chart.setOption({
    backgroundColor: '#ffffff',
    title: {
      text: `p50 latency (ms, log scale) at concurrency ${low}, scale ${result.scale}x`,
      left: 'center',
      top: 8,
    },
    legend: { top: 44 },
    grid: { left: 60, right: 20, top: 90, bottom: 140 },
    xAxis: { type: 'category', data: ops, axisLabel: { rotate: 25, interval: 0 } },
    yAxis: {
      type: 'value',
      name: 'ms',
      min: 0,
      max: top,
      interval: 1,
      axisLabel: { formatter: (v: number) => String(Number((0.1 * 10 ** v).toPrecision(1))) },
    },
    series,
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return Buffer.from(new Resvg(svg, { background: 'white', font: { loadSystemFonts: true } }).render().asPng());
}
