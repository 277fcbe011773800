import { pinyin } from 'pinyin-pro';

/**
 * Names as people type them: the one normaliser, used by the importer, every write (which
 * stores each entity's name keys) and every lookup (which computes the same keys of what was
 * typed). Three keys per name, from strictest to loosest:
 * - `normalizeName`: Unicode NFKC (full-width to half-width), Latin lower case, spaces collapsed;
 * - `looseKey`: that, without spaces, hyphens, dots and brackets (文心 一言, DeepSeek-Chat);
 * - `coreKeys`: the loose key without the label's stated suffixes (有限公司, Inc., 大模型,
 *   地区, 行业, ...), for a company also without a leading province or city (北京智谱华章 →
 *   智谱华章), for a model without a leading maker's name (腾讯混元 → 混元).
 * A lookup tries them in that order; a key that names several entities is said, never guessed.
 */

// OpenCC's dictionaries (opencc-js): Traditional characters as Simplified (騰訊 → 腾讯, 哈爾濱 → 哈尔滨),
// phrase-aware, which a character table is not. pinyin-pro: Mandarin readings chosen by context
// (重庆 chongqing, 银行 yinhang), so a polyphone reads as people type it.

const HAN = /\p{Script=Han}/u;
// opencc-js types itself as an ES module; node loads its CommonJS build (the package's "require" export).
const { Converter } = require('opencc-js/t2cn') as {
  Converter: (options: { from: 't'; to: 'cn' }) => (text: string) => string;
};
const toSimplified = Converter({ from: 't', to: 'cn' });

/** Unicode NFKC (full-width to half-width), Traditional as Simplified, trimmed, single spaces, Latin lower-cased. */
export function normalizeName(name: string): string {
  const folded = name.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
  return HAN.test(folded) ? toSimplified(folded) : folded;
}

/** A key's Chinese characters in toneless pinyin, Latin kept (文心一言 → wenxinyiyan); null when it has none. */
export function pinyinKey(key: string): string | null {
  if (!HAN.test(key)) return null;
  return pinyin(key, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('').toLowerCase();
}

/**
 * Marks keys computed by this version of the rules: an entity whose keys lack it gets them
 * again at start-up (src/load/name-keys.ts). Bump it when the keys a name yields change.
 */
export const NAME_KEYS_VERSION = '#2';

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
    '控股',
    '集团',
    '公司',
    '科技',
    '技术',
    'technologies',
    'technology',
    'holdings',
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
  Region: [
    '特别行政区',
    '维吾尔自治区',
    '壮族自治区',
    '回族自治区',
    '自治区',
    '地区',
    'specialadministrativeregion',
    'autonomousregion',
    'municipality',
    'province',
    'city',
    'sar',
    '省',
    '市',
  ],
  Cluster: ['经济圈', '城市群', '地区', '区域', 'economiccircle', 'economiczone', 'region', 'area'],
  Industry: ['行业', '产业', '领域', 'industry', 'sector'],
  Scenario: ['应用场景', '场景', 'scenario', 'usecase'],
  Policy: ['行动计划', 'initiative'],
  EnterpriseType: ['企业', 'enterprise', 'enterprises'],
};

/**
 * Makers' names a model's name may start with and people drop (腾讯混元 → 混元, 讯飞星火 →
 * 星火, Xiaomi MiMo → MiMo): brands of the developers in the lists, as loose keys.
 */
const MAKER_PREFIX =
  /^(腾讯|百度|阿里巴巴|阿里|讯飞|科大讯飞|华为云|华为|小米|联通|移动|电信|美团|京东|字节|抖音|商汤|智谱|网易|360|tencent|baidu|alibaba|iflytek|huawei|xiaomi|meituan|sensetime|zhipu)/u;

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
  if (label === 'Model') {
    const makerless = stripSuffixes(core.replace(MAKER_PREFIX, ''), NAME_SUFFIXES.Model);
    if (makerless !== core && makerless.length >= MIN_CORE) keys.add(makerless);
  }
  return [...keys];
}

/**
 * The parts of a name that glosses itself: a trailing bracket (舒压伴（PressGuard）, 智慧助手（小艺）,
 * 一叶轻舟大语言模型 (Skiff-LLMs)) or a trailing Latin word after Chinese (面壁露卡 LUCA).
 */
export function nameParts(name: string): string[] {
  const n = name.normalize('NFKC').trim();
  const bracket = /^(.+?)\s*\(([^()]+)\)$/u.exec(n);
  if (bracket) return [bracket[1], bracket[2]];
  const gloss = /^(\S*\p{Script=Han}\S*) ([A-Za-z][\w\-.]*)$/u.exec(n);
  return gloss ? [gloss[1], gloss[2]] : [];
}

/**
 * Every key an entity is found by (stored on the node as `nameKeys`): each of its names' loose
 * key, marked `=`, and core keys and pinyin readings, marked `~`, with the rules' version. The marks keep a name the entity carries (an
 * alias: 商汤) ahead of one derived by dropping words (深圳市商汤科技有限公司 → 商汤).
 */
export function nameKeysOf(label: string, names: Iterable<string | null | undefined>): string[] {
  const keys = new Set<string>([NAME_KEYS_VERSION]);
  for (const name of names) {
    if (!name) continue;
    const loose = looseKey(name);
    if (loose) keys.add(`=${loose}`);
    // Derived keys ('~'): the name without its suffixes, its parts, and in pinyin (Tianxuan, wenxin yiyan).
    const derived = [loose, ...coreKeys(label, name)];
    for (const part of nameParts(name)) derived.push(looseKey(part), ...coreKeys(label, part));
    for (const k of derived) {
      if (k.length < MIN_CORE) continue;
      if (k !== loose) keys.add(`~${k}`);
      const spoken = pinyinKey(k);
      if (spoken && spoken.length >= 4) keys.add(`~${spoken}`);
    }
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

/** Character bigrams of a key (a one-character key is its own gram). */
function grams(key: string): Set<string> {
  const chars = [...key];
  if (chars.length < 2) return new Set(chars);
  const out = new Set<string>();
  for (let i = 0; i < chars.length - 1; i++) out.add(chars[i] + chars[i + 1]);
  return out;
}

/**
 * How much of a typed text and a name match, 0 to 1 (1: the same loose key): the overlap of
 * their character bigrams (Dice), raised when one holds the other whole (a missing or extra
 * word: 通义 in 通义千问, GLM in ChatGLM, 腾讯混元大模型 around 腾讯混元) by how much of the
 * longer one the shorter covers. The typed text's key and bigrams are computed once, however
 * many names it is compared with (a search ranks hundreds).
 */
export function similarityTo(typed: string): (name: string) => number {
  const a = looseKey(typed);
  const ga = grams(a);
  return (name) => {
    const b = looseKey(name);
    if (!a || !b) return 0;
    if (a === b) return 1;
    const gb = grams(b);
    let shared = 0;
    for (const g of ga) if (gb.has(g)) shared += 1;
    const dice = (2 * shared) / (ga.size + gb.size);
    const [short, long] = a.length <= b.length ? [a, b] : [b, a];
    const whole = long.includes(short) && short.length >= 2 ? 0.6 + (0.35 * short.length) / long.length : 0;
    return Math.max(dice, whole);
  };
}

/**
 * A text as one quoted Lucene phrase: inside quotes only `\\` and `"` are special, and they are
 * escaped, so no operator, wildcard or field of the text reaches the query parser.
 */
export const lucenePhrase = (text: string): string => `"${text.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
