import type { EntityRow } from '../entity/rows';
import { REL_TYPES, type RelType } from '../graph/vocabulary';
import { displayName, englishName, explainPath } from './explain';
import type { LinkRow, PathRow } from './rows';

/** A path as ids, its inner nodes between its first and last (src/walk/walk.ts FoundPath). */
interface IdPath {
  nodes: readonly string[];
}

/** A relative margin for comparing bounds summed in another order than the score. */
const MARGIN = 1e-9;

/**
 * The paths of the targets that may be among the `first` best links (rankLinks), before the
 * degrees of their inner nodes are all known: a top-k with bounds. `degree` is exact where the
 * walk counted it; elsewhere a node has at least `seen` relationships (those the walk saw at it,
 * and two, one in and one out, at any inner node). A target's score is at least the sum of the
 * weights of its paths whose inner degrees are all known, and at most the sum with every unknown
 * degree at that least; a target whose most is below the first-th best least is outranked by
 * `first` others whatever the rest, so neither its paths nor their details are needed. Keeps the
 * order of `paths`, so rankLinks ranks what is kept as it ranks everything.
 */
export function mayRank<P extends IdPath>(
  paths: readonly P[],
  first: number,
  degree: (id: string) => number | undefined,
  seen: (id: string) => number,
): P[] {
  const bounds = new Map<string, { least: number; most: number }>();
  for (const p of paths) {
    const target = p.nodes[p.nodes.length - 1];
    const b = bounds.get(target) ?? { least: 0, most: 0 };
    let exact = true;
    let most = 1;
    for (const id of p.nodes.slice(1, -1)) {
      const d = degree(id);
      if (d === undefined) exact = false;
      most /= Math.log(Math.E + (d ?? Math.max(2, seen(id))));
    }
    if (exact) b.least += most;
    b.most += most;
    bounds.set(target, b);
  }
  if (bounds.size <= first) return [...paths];
  const floor =
    first === 0 ? Number.POSITIVE_INFINITY : [...bounds.values()].map((b) => b.least).sort((x, y) => y - x)[first - 1];
  const keep = new Set([...bounds].filter(([, b]) => b.most * (1 + MARGIN) >= floor * (1 - MARGIN)).map(([t]) => t));
  return paths.filter((p) => keep.has(p.nodes[p.nodes.length - 1]));
}

/** A path with the degree (walkable relationships) of each of its nodes, as a walk finds it (src/walk/walk.ts). */
export interface WeighedPath {
  path: PathRow;
  degrees: number[];
}

/**
 * How much one path says about its two ends: the product, over the nodes it passes through
 * (not its ends), of 1 / ln(e + degree). A node that connects almost everything (中国, 通用人工智能)
 * says little; a specific industry or city says more; every extra hop multiplies by less than
 * one. For a two-hop path this is the Adamic–Adar term of the node between (shifted by e so a
 * node of degree 1 weighs 1, not infinity).
 */
export function pathWeight(degrees: readonly number[]): number {
  let weight = 1;
  for (const d of degrees.slice(1, -1)) weight /= Math.log(Math.E + d);
  return weight;
}

/**
 * Links ranked by specificity: each target's score is the sum of its paths' weights (more
 * independent specific routes, a stronger link), highest first; ties go to the shorter best
 * path, then the target's key. Each link keeps its paths best first and a reason built from
 * the best one; `first` bounds the links returned, and only those have reasons built.
 */
export function rankLinks(paths: readonly WeighedPath[], first = Number.POSITIVE_INFINITY): LinkRow[] {
  const byTarget = new Map<string, { target: EntityRow; paths: { path: PathRow; weight: number }[] }>();
  for (const { path, degrees } of paths) {
    const target = path.nodes[path.nodes.length - 1];
    const entry = byTarget.get(target.key) ?? { target, paths: [] };
    entry.paths.push({ path, weight: pathWeight(degrees) });
    byTarget.set(target.key, entry);
  }
  const scored = [...byTarget.values()].map(({ target, paths: ps }) => {
    ps.sort((a, b) => b.weight - a.weight || a.path.rels.length - b.path.rels.length);
    return { target, ps, best: ps[0].path, score: ps.reduce((s, p) => s + p.weight, 0) };
  });
  scored.sort(
    (a, b) => b.score - a.score || a.best.rels.length - b.best.rels.length || a.target.key.localeCompare(b.target.key),
  );
  return scored.slice(0, first).map(({ target, ps, best, score }) => ({
    target,
    path: best,
    paths: ps.map((p) => p.path),
    score,
    reason: reason(best, 'zh'),
    reasonEn: reason(best, 'en'),
  }));
}

/**
 * Why a target is linked, read from its end: what the target does to the node next to it,
 * then how the start reaches that node. "推动 医疗 — 讯飞医疗 -服务于-> 医疗".
 */
export function reason(path: PathRow, lang: 'zh' | 'en'): string {
  const n = path.rels.length;
  const last = path.rels[n - 1];
  const info = REL_TYPES[last.__type as RelType];
  const verb = info ? info[lang] : last.__type;
  const near = path.nodes[n - 1];
  const nearName = lang === 'zh' ? displayName(near) : englishName(near);
  // A one-hop link is its own reason; otherwise what joins the target to the node beside it
  // (in the relationship's own direction), then the start's way to that node.
  if (n === 1) return explainPath(path.nodes, path.rels, lang);
  const head = last.__forward ? `${nearName} ${verb}` : `${verb} ${nearName}`;
  return `${head} — ${explainPath(path.nodes.slice(0, n), path.rels.slice(0, n - 1), lang)}`;
}
