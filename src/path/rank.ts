import type { EntityRow } from '../entity/rows';
import { REL_TYPES, type RelType } from '../graph/vocabulary';
import { displayName, englishName, explainPath } from './explain';
import type { LinkRow, PathRow } from './rows';

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
