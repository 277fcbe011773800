/**
 * Names as people type them: the one normaliser, used by the importer, every write (which
 * stores each entity's name keys) and every lookup (which computes the same keys of what was
 * typed). Three keys per name, from strictest to loosest:
 * - `normalizeName`: Unicode NFKC (full-width to half-width), Latin lower case, spaces collapsed;
 * - `looseKey`: that, without spaces, hyphens, dots and brackets (文心 一言, DeepSeek-Chat);
 * - `coreKeys`: the loose key without the label's stated suffixes (有限公司, Inc., 大模型,
 *   地区, ...), and for a company also without a leading province or city (北京智谱华章 → 智谱华章).
 * A lookup tries them in that order; a key that names several entities is said, never guessed.
 */

/** Unicode NFKC (full-width to half-width), trimmed, single spaces, Latin lower-cased. */
export function normalizeName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Spaces, hyphens and dashes, dots, middle dots, underscores, commas and brackets: how a name is typed, not what it is. */
const SEPARATORS = /[\s\-‐‑‒–—―_.·・,，、()（）[\]【】"'“”‘’«»<>《》]/gu;

export function looseKey(name: string): string {
  return normalizeName(name).replace(SEPARATORS, '');
}

/**
 * The suffixes a name may carry or drop, by label, longest first (stripped repeatedly from the
 * end of the loose key): legal forms and business words for companies, product words for
 * models, grouping words for regions and clusters.
 */
export const NAME_SUFFIXES: Readonly<Record<string, readonly string[]>> = {
  Company: [
    '股份有限公司',
    '有限责任公司',
    '有限公司',
    '集团公司',
    '控股集团',
    '集团',
    '公司',
    '科技',
    '技术',
    'technologies',
    'technology',
    'corporation',
    'incorporated',
    'limited',
    'company',
    'group',
    'corp',
    'inc',
    'ltd',
    'co',
    'ai',
  ],
  Model: ['认知大模型', '大语言模型', '语言大模型', '大模型', '模型', 'llm'],
  Region: ['特别行政区', '维吾尔自治区', '壮族自治区', '回族自治区', '自治区', '地区', 'province', 'city', '省', '市'],
  Cluster: ['经济圈', '城市群', '地区', '区域', 'region', 'area'],
};

/** Province and city prefixes a company's registered name starts with (北京, 上海市, 杭州...). */
const PLACE_PREFIX =
  /^(北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|云南|陕西|甘肃|青海|台湾|内蒙古|广西|西藏|宁夏|新疆|香港|澳门|深圳|广州|杭州|南京|苏州|成都|武汉|西安|厦门|合肥|长沙|青岛|济南|宁波|无锡|珠海|东莞|佛山|大连|沈阳|哈尔滨|郑州|福州|南昌|昆明|贵阳|兰州|石家庄|太原|长春)(省|市)?/u;

/** The shortest a core key may be: one Chinese character or two Latin letters name nothing on their own. */
const MIN_CORE = 2;

function stripSuffixes(key: string, suffixes: readonly string[]): string {
  let out = key;
  for (let changed = true; changed; ) {
    changed = false;
    for (const s of suffixes)
      if (out.length > s.length && out.endsWith(s)) {
        out = out.slice(0, -s.length);
        changed = true;
        break;
      }
  }
  return out;
}

/** The loose key without the label's suffixes (and, for a company, without a leading place), when that differs and is long enough. */
export function coreKeys(label: string, name: string): string[] {
  const loose = looseKey(name);
  const core = stripSuffixes(loose, NAME_SUFFIXES[label] ?? []);
  const keys = new Set<string>();
  if (core !== loose && core.length >= MIN_CORE) keys.add(core);
  if (label === 'Company') {
    const placeless = stripSuffixes(core.replace(PLACE_PREFIX, ''), NAME_SUFFIXES.Company);
    if (placeless !== core && placeless.length >= MIN_CORE) keys.add(placeless);
  }
  return [...keys];
}

/**
 * Every key an entity is found by (stored on the node as `nameKeys`): each of its names' loose
 * key, marked `=`, and core keys, marked `~`. The marks keep a name the entity carries (an
 * alias: 商汤) ahead of one derived by dropping words (深圳市商汤科技有限公司 → 商汤).
 */
export function nameKeysOf(label: string, names: Iterable<string | null | undefined>): string[] {
  const keys = new Set<string>();
  for (const name of names) {
    if (!name) continue;
    const loose = looseKey(name);
    if (loose) keys.add(`=${loose}`);
    for (const k of coreKeys(label, name)) keys.add(`~${k}`);
  }
  return [...keys].sort();
}

/**
 * What a lookup tries for a typed name, in tiers, strictest first; the first tier that finds
 * anything decides (and several entities in it are said, not picked): the typed name against
 * names carried, then against names shortened; then the typed name shortened against names
 * carried, then against names shortened.
 */
export function lookupKeys(label: string, typed: string): string[] {
  const loose = looseKey(typed);
  const cores = coreKeys(label, typed);
  const tiers = loose ? [`=${loose}`, `~${loose}`] : [];
  for (const core of cores) tiers.push(`=${core}`);
  for (const core of cores) tiers.push(`~${core}`);
  return [...new Set(tiers)];
}

/** The names an entity is found by (name, English name, short name, key, aliases); their keys are stored with it. */
export const namesOf = (props: Record<string, unknown>, aliases: Iterable<string>, key?: string): string[] =>
  [props.name, props.nameEn, props.shortName, key, ...aliases].filter((n): n is string => typeof n === 'string');
