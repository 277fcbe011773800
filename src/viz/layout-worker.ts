import { parentPort } from 'node:worker_threads';
import { type LayoutNode, layout } from './layout';

/** The layout thread: one job at a time, answered by id (src/viz/layout-pool.ts). */
parentPort?.on('message', (job: { id: number; nodes: LayoutNode[]; edges: { source: string; target: string }[] }) => {
  try {
    parentPort?.postMessage({ id: job.id, positions: [...layout(job.nodes, job.edges)] });
  } catch (error) {
    parentPort?.postMessage({ id: job.id, error: (error as Error).message });
  }
});
