import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, isEnumType, isInterfaceType, isObjectType } from 'graphql';
import { ENTITY_KINDS } from '../../src/entity/catalog';
import {
  ENTITY_LABEL_ENUM,
  ENTITY_LABELS,
  enumName,
  LABEL_COLORS,
  REL_TYPES,
  type RelType,
  type RelTypeInfo,
} from '../../src/graph/vocabulary';
import { typeDefs } from '../../src/graphql/schema';

/**
 * The entity labels are written in several places that no compiler links: the SDL, Cypher
 * statements, the explorer. Each must agree with the vocabulary, so adding a label fails here
 * until every place knows it (README: "Adding an entity type").
 */
const ROOT = join(__dirname, '..', '..');
const schema = buildSchema(typeDefs().join('\n'));
const labels = [...ENTITY_LABELS].sort();

function cypherFiles(dir = join(ROOT, 'cypher')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? cypherFiles(join(dir, e.name)) : e.name.endsWith('.cypher') ? [join(dir, e.name)] : [],
  );
}

describe('the label vocabulary agrees everywhere', () => {
  it('the SDL enum EntityLabel holds exactly the vocabulary', () => {
    const type = schema.getType('EntityLabel');
    if (!isEnumType(type)) throw new Error('EntityLabel is not an enum');
    // ALL_CAPS like every enum (ENTERPRISE_TYPE); each stands for its label inside.
    expect(
      type
        .getValues()
        .map((v) => v.name)
        .sort(),
    ).toEqual(labels.map(enumName).sort());
    expect(Object.values(ENTITY_LABEL_ENUM).sort()).toEqual(labels);
  });

  it('each label is an SDL type implementing Node, with a connection, an edge, a colour and list machinery', () => {
    const node = schema.getType('Node');
    if (!isInterfaceType(node)) throw new Error('no Node interface');
    for (const label of ENTITY_LABELS) {
      const type = schema.getType(label);
      expect([label, isObjectType(type) && type.getInterfaces().includes(node)]).toEqual([label, true]);
      expect([label, isObjectType(schema.getType(`${label}Connection`))]).toEqual([label, true]);
      expect([label, isObjectType(schema.getType(`${label}Edge`))]).toEqual([label, true]);
      expect(LABEL_COLORS[label]).toMatch(/^#[0-9a-f]{6}$/);
      expect(ENTITY_KINDS[label].label).toBe(label);
    }
    expect(new Set(Object.values(LABEL_COLORS)).size).toBe(ENTITY_LABELS.length);
  });

  it('every label list written into a .cypher file is the whole vocabulary', () => {
    const lists: string[] = [];
    for (const file of cypherFiles()) {
      const text = readFileSync(file, 'utf8');
      // Label unions (n:Model|Company|...) and list literals (['Model','Company',...]) naming 3+ labels.
      const found = [
        ...[...text.matchAll(/:((?:[A-Z][A-Za-z]*\|){2,}[A-Z][A-Za-z]*)/g)].map((m) => m[1].split('|')),
        ...[...text.matchAll(/\[((?:\s*'[A-Z][A-Za-z]*'\s*,){2,}\s*'[A-Z][A-Za-z]*'\s*)\]/g)].map((m) =>
          m[1].split(',').map((s) => s.trim().slice(1, -1)),
        ),
      ].filter((names) => names.some((n) => (ENTITY_LABELS as readonly string[]).includes(n)));
      for (const names of found) {
        lists.push(file);
        expect([file.slice(ROOT.length + 1), [...names].sort()]).toEqual([file.slice(ROOT.length + 1), labels]);
      }
    }
    // The fulltext index, the claim subjects and the raw benchmark statements each hold one.
    expect(lists.length).toBeGreaterThanOrEqual(3);
  });

  it('every relationship type list written into a .cypher file names only known types', () => {
    const known = Object.keys(REL_TYPES);
    for (const file of cypherFiles()) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\[\w*:((?:[A-Z_]+\|)+[A-Z_]+)\]/g)) {
        for (const type of m[1].split('|'))
          expect([file.slice(ROOT.length + 1), type, known.includes(type)]).toEqual([
            file.slice(ROOT.length + 1),
            type,
            true,
          ]);
      }
    }
  });

  it("the hub rule's static groups in walk/expand-node.cypher follow each type's `many` end", () => {
    const text = readFileSync(join(ROOT, 'cypher', 'walk', 'expand-node.cypher'), 'utf8');
    const list = (pattern: RegExp) => (pattern.exec(text)?.[1] ?? '').split('|').filter(Boolean).sort();
    const walkable = (Object.keys(REL_TYPES) as RelType[]).filter((t) => t !== 'ABOUT');
    const many = (end: 'from' | 'to') => walkable.filter((t) => (REL_TYPES[t] as RelTypeInfo).many === end);
    // Types with no many end are read whole, both ways; a membership type's one end is read whole.
    expect(list(/\(x\)-\[r:([A-Z_|]+)\]-\(y\)/)).toEqual(
      walkable.filter((t) => !(REL_TYPES[t] as RelTypeInfo).many).sort(),
    );
    expect(list(/\(x\)-\[r:([A-Z_|]+)\]->\(y\) WHERE type/)).toEqual(many('to').sort());
    expect(list(/\(x\)<-\[r:([A-Z_|]+)\]-\(y\) WHERE type/)).toEqual(many('from').sort());
    // Each many end has its guarded branch, read from the degree store by its static type, and
    // sampled only when its members (one label each) are ones the walk may step onto.
    const member = (t: RelType, end: 'from' | 'to') => {
      const labels = (REL_TYPES[t] as RelTypeInfo)[end];
      expect([t, labels.length]).toEqual([t, 1]);
      return `(sampled AND '${labels[0]}' IN $sampleable)`;
    };
    for (const t of many('to')) expect(text).toContain(`(${member(t, 'from')} OR COUNT { (x)<-[:${t}]-() } <= $hub)`);
    for (const t of many('from')) expect(text).toContain(`(${member(t, 'to')} OR COUNT { (x)-[:${t}]->() } <= $hub)`);
    expect(many('to').length + many('from').length).toBeGreaterThanOrEqual(6);
  });

  it('conflict/between and the relationship_source_keys index name every stated relationship type', () => {
    const stated = (Object.keys(REL_TYPES) as RelType[]).filter((t) => t !== 'ABOUT').sort();
    // Each type typesBetween may ask for has its guarded, statically typed branch.
    const between = readFileSync(join(ROOT, 'cypher', 'conflict', 'between.cypher'), 'utf8');
    const branches = [...between.matchAll(/WHERE '([A-Z_]+)' IN \$types MATCH \(a\)-\[r:([A-Z_]+)\]-\(b\)/g)];
    for (const m of branches) expect(m[2]).toBe(m[1]);
    expect(branches.map((m) => m[1]).sort()).toEqual(stated);
    // What Source.content finds through the index (every type but a claim's ABOUT).
    const migration = readFileSync(join(ROOT, 'cypher', 'migrations', '008_source_keys.cypher'), 'utf8');
    const indexed = /FOR \(\)-\[r:([A-Z_|]+)\]-\(\)/.exec(migration)?.[1].split('|').sort();
    expect(indexed).toEqual(stated);
  });

  it('walk/expand-into checks every membership type, each from its member towards its hub', () => {
    const text = readFileSync(join(ROOT, 'cypher', 'walk', 'expand-into.cypher'), 'utf8');
    const list = (pattern: RegExp) => (pattern.exec(text)?.[1] ?? '').split('|').filter(Boolean).sort();
    const many = (end: 'from' | 'to') =>
      (Object.keys(REL_TYPES) as RelType[]).filter((t) => (REL_TYPES[t] as RelTypeInfo).many === end).sort();
    // (y) is the member, (h) the hub end whose group was sampled.
    expect(list(/\(y\)-\[r:([A-Z_|]+)\]->\(h\)/)).toEqual(many('to'));
    expect(list(/\(y\)<-\[r:([A-Z_|]+)\]-\(h\)/)).toEqual(many('from'));
    expect(many('to').length).toBeGreaterThan(0);
  });
});
