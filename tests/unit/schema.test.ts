import { buildSchema, isNonNullType, isObjectType } from 'graphql';
import { typeDefs } from '../../src/graphql/schema';

/**
 * Errors stay at their path (regression: 27 of 50 root fields were non-null, so one bad argument
 * turned the whole response into data: null and the other fields' answers were lost).
 */
const schema = buildSchema(typeDefs().join('\n'));

describe('fields that can fail on their own are nullable', () => {
  it('every root field of Query and Mutation', () => {
    const roots = [schema.getQueryType(), schema.getMutationType()];
    const nonNull = roots.flatMap((t) =>
      Object.values(t?.getFields() ?? {})
        .filter((f) => isNonNullType(f.type))
        .map((f) => `${t?.name}.${f.name}`),
    );
    expect(nonNull).toEqual([]);
    expect(Object.keys(schema.getQueryType()?.getFields() ?? {}).length).toBeGreaterThan(40);
  });

  it('every field that takes arguments (a bad argument is that field’s error alone)', () => {
    const nonNull: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const f of Object.values(type.getFields()))
        if (f.args.length && isNonNullType(f.type)) nonNull.push(`${type.name}.${f.name}`);
    }
    expect(nonNull).toEqual([]);
  });
});

describe('the served schema is the SDL (regression: scalar JSON was served with another description)', () => {
  it('scalars carry the SDL’s description and @specifiedBy', () => {
    const { DateScalar, JSONScalar } = require('../../src/graphql/scalars');
    for (const served of [DateScalar, JSONScalar]) {
      const sdl = schema.getType(served.name) as { description?: string; specifiedByURL?: string };
      expect([served.name, served.description, served.specifiedByURL ?? null]).toEqual([
        served.name,
        sdl.description,
        sdl.specifiedByURL ?? null,
      ]);
    }
    expect(JSONScalar.specifiedByURL).toMatch(/ecma-404/);
  });
});
