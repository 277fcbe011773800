import { compose, cypher, STATEMENT_CACHE_SIZE } from '../../src/db/cypher';
import { migrationFiles } from '../../src/db/migrate';
import { projectionSlots, WHOLE_ROWS } from '../../src/entity/projection';
import { ENTITY_LABELS } from '../../src/graph/vocabulary';

describe('cypher statements', () => {
  it('composes a level inside another, each level with parameters of its own, and keeps a bounded number built', () => {
    const slots = { of: 'q', total: 't0', pattern: '-[r:DEVELOPS]->', label: 'Model', where: 'model/where' };
    const inner = compose('entity/related-total', slots, { prefix: 'c0_' });
    expect(inner.text).toContain('$c0_where.region');
    expect(inner.text).not.toMatch(/\$(where|stored)\b/);
    const outer = compose(
      'entity/related',
      {
        parent: 'Company',
        pattern: '-[r:DEVELOPS]->',
        label: 'Model',
        where: 'model/where',
        sort: 'n.name',
        dir: 'ASC',
        cmp: '>',
        of: 'p',
        rows: 'rows',
        nested: '{t0: t0}',
        ...projectionSlots(WHOLE_ROWS),
      },
      { parts: { children: [inner] } },
    );
    expect(outer.text).toContain(inner.text);
    expect(outer.text).toContain('$where.region');
    expect(cypher('entity/related-total', slots).text).not.toContain('{{');
    // The same shape is built once; past STATEMENT_CACHE_SIZE others, it is built again (the same text).
    expect(compose('entity/related-total', slots, { prefix: 'c0_' })).toBe(inner);
    for (let i = 0; i < STATEMENT_CACHE_SIZE; i++) compose('entity/related-total', slots, { prefix: `x${i}_` });
    const again = compose('entity/related-total', slots, { prefix: 'c0_' });
    expect(again).not.toBe(inner);
    expect(again.text).toBe(inner.text);
  });

  it('fills slots and includes the where fragment a slot names', () => {
    const s = cypher('entity/count', {
      label: 'Model',
      where: 'model/where',
      probe: 'entity/probe-none',
      anchorPattern: '(n:Model)--(a)',
      scan: 'model/scan',
      countScan: 'false',
    });
    expect(s.text).toContain('MATCH (n:Model)');
    expect(s.text).toContain('FILED_IN');
    expect(s.text).not.toMatch(/\{\{|\/\//);
    expect(s.file).toBe('entity/count');
  });

  it('refuses a slot value that could smuggle in Cypher text', () => {
    const fragments = {
      probe: 'entity/probe-none',
      anchorPattern: '(n:Model)--(a)',
      scan: 'entity/scan',
      countScan: 'false',
    };
    expect(() =>
      cypher('entity/count', { label: 'Model"; DETACH DELETE n //', where: 'model/where', ...fragments }),
    ).toThrow(/unsafe value/);
    expect(() => cypher('entity/count', { label: 'Model', where: '../../etc/passwd', ...fragments })).toThrow(
      /unsafe path/,
    );
  });

  it('refuses a statement whose slot has no value', () => {
    expect(() =>
      cypher('entity/count', {
        where: 'model/where',
        probe: 'entity/probe-none',
        anchorPattern: '(n:Model)--(a)',
        scan: 'entity/scan',
        countScan: 'false',
      }),
    ).toThrow(/\{\{label\}\} has no value/);
  });

  it('numbers migrations 001, 002, ... without gaps or repeats, in that order, each statement idempotent (IF [NOT] EXISTS, a data fix guarded by IS [NOT] NULL, or a delete of what a match finds)', () => {
    const files = migrationFiles();
    expect(files.map((f) => Number(f.id.slice(0, 3)))).toEqual(files.map((_, i) => i + 1));
    for (const statement of files.flatMap((f) => f.statements))
      expect(statement.text).toMatch(
        /IF NOT EXISTS|IF EXISTS|IS NULL SET|IS NOT NULL CALL \(n\) \{ REMOVE|^MATCH [\s\S]*DETACH DELETE/,
      );
  });

  it('takes client-chosen relationship types and labels of paths and feeds as parameters, never as statement text (regression: a plan per subset)', () => {
    const { readFileSync, readdirSync } = require('node:fs') as typeof import('node:fs');
    const { join } = require('node:path') as typeof import('node:path');
    for (const dir of ['walk', 'viz']) {
      const root = join(__dirname, '..', '..', 'cypher', dir);
      for (const file of readdirSync(root)) {
        const text = readFileSync(join(root, file), 'utf8');
        expect([file, /\{\{(types|labels)\}\}/.test(text)]).toEqual([file, false]);
        // Every statement and fragment that walks filters by $types, itself or through the walk
        // fragments it includes (the ends, from-node and to-*, and the passable predicate look at
        // nodes only; a neighbourhood's absent ring walks nothing; a step, a statement's rows and
        // what they show only shape what was walked; expand-into filters by $types itself).
        if (
          !file.startsWith('to-') &&
          ![
            'from-node.cypher',
            'passable.cypher',
            'neighborhood-no-ring.cypher',
            'step.cypher',
            'rows.cypher',
            'expand-rows.cypher',
            'shown.cypher',
          ].includes(file)
        )
          expect([file, /\$types|\{\{> walk\/(expand-node|expand-marked|degree)\}\}/.test(text)]).toEqual([file, true]);
      }
    }
  });

  it("the walk's label unions hold every entity label, each branch guarded by its label parameter (one plan for any label)", () => {
    for (const [file, param] of [
      ['walk/from-node', 'fromLabel'],
      ['walk/to-node', 'toLabel'],
      ['walk/to-label', 'toLabel'],
    ] as const) {
      const text = cypher(file, { asOf: 'graph/any-time' }).text;
      const guarded = [...text.matchAll(new RegExp(`WHERE \\$${param} = '(\\w+)' MATCH \\(y:(\\w+)`, 'g'))];
      expect(guarded.map((m) => m[1]).sort()).toEqual([...ENTITY_LABELS].sort());
      for (const m of guarded) expect(m[2]).toBe(m[1]);
    }
    // graph/entity-at, the same over a label in scope (conflict/between: two ends by key).
    const at = cypher('graph/entity-at').text;
    const guarded = [...at.matchAll(/WHERE label = '(\w+)' MATCH \(n:(\w+) \{key: key\}\)/g)];
    expect(guarded.map((m) => m[1]).sort()).toEqual([...ENTITY_LABELS].sort());
    for (const m of guarded) expect(m[2]).toBe(m[1]);
    for (const finish of ['walk/rows', 'walk/shown'])
      expect(cypher('walk/start', { toEnd: 'walk/to-label', asOf: 'graph/any-time', finish }).text).not.toMatch(/\{\{/);
    expect(cypher('conflict/between').text).not.toMatch(/\{\{/);
  });
});
