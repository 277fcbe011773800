import type { EntityRow, RelRow } from '../entity/rows';
import { REL_TYPES, type RelType } from '../graph/vocabulary';

const HAN = /\p{Script=Han}/u;

/** The short name people use: a company's first Chinese alias (腾讯 for its legal name), else the name. */
export function displayName(row: EntityRow): string {
  if (row.__label === 'Company') {
    const alias = (row.aliases ?? []).find((a) => HAN.test(a) && a.length < row.name.length);
    if (alias) return alias;
  }
  return row.name;
}

export function englishName(row: EntityRow): string {
  if (row.__label === 'Company' && row.nameEn) return row.nameEn;
  return row.nameEn ?? row.name;
}

/** `A -开发-> B <-推动- C`: each step shows the relationship's own direction. */
export function explainPath(nodes: EntityRow[], rels: RelRow[], lang: 'zh' | 'en'): string {
  const name = lang === 'zh' ? displayName : englishName;
  let text = name(nodes[0]);
  rels.forEach((rel, i) => {
    const info = REL_TYPES[rel.__type as RelType];
    const verb = info ? info[lang] : rel.__type;
    text += rel.__forward ? ` -${verb}-> ` : ` <-${verb}- `;
    text += name(nodes[i + 1]);
  });
  return text;
}
