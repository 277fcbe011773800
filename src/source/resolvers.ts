import type { ClaimRow } from '../claim/rows';
import { cypher } from '../db/cypher';
import { MAX_PAGE, pageSize } from '../entity/paging';
import { loadSources, relationshipProperties } from '../entity/resolvers';
import type { EntityRow } from '../entity/rows';
import type { Resolvers, SourceKind } from '../generated/graphql';
import { toGlobalId } from '../graph/ids';
import { lucenePhrase } from '../graph/names';
import type { SourceContentRow } from './rows';

export const sourceResolvers: Resolvers = {
  Query: {
    sources: async (_p, args, ctx) =>
      (await ctx.db.read(cypher('source/list'), { kind: args.kind ?? null }, { meter: ctx.meter })).map(
        (r) => r.row as EntityRow,
      ),
    source: (_p, args, ctx) => ctx.loaders.byKey('Source').load(args.key),
  },
  Source: {
    id: (row) => toGlobalId('Source', row.key),
    title: (row) => String(row.title),
    // The stored kind is one of SourceKind's values; an unknown one fails loudly at serialization.
    kind: (row) => row.kind as SourceKind,
    parent: async (row, _a, ctx) =>
      (await ctx.loaders.grouped('source/parent', {}, {}, (r) => r.row as EntityRow).load(row.key))[0] ?? null,
    sections: (row, _a, ctx) => ctx.loaders.grouped('source/sections', {}, {}, (r) => r.row as EntityRow).load(row.key),
    content: async (row, args, ctx) => {
      const first = pageSize(args.first, MAX_PAGE);
      const [result] = await ctx.db.read<SourceContentRow>(
        cypher('source/content'),
        { key: row.key, query: lucenePhrase(row.key), first },
        { meter: ctx.meter },
      );
      return result;
    },
  },
  StatedRelationship: {
    properties: (row, _a, ctx) => relationshipProperties(row.properties, ctx),
    sources: (row, _a, ctx) => loadSources(ctx, row.properties.sourceKeys as string[] | undefined),
  },
  Relationship: {
    type: (row) => row.__type,
    properties: (row, _a, ctx) => relationshipProperties(row, ctx),
    sources: (row, _a, ctx) => loadSources(ctx, row.sourceKeys),
  },
  Claim: {
    id: (row) => toGlobalId('Claim', row.key),
    source: async (row, _a, ctx) => {
      const source = await ctx.loaders.byKey('Source').load(row.sourceKey);
      if (!source) throw new Error(`claim ${row.key} cites missing source ${row.sourceKey}`);
      return source;
    },
    about: (row: ClaimRow, _a, ctx) =>
      ctx.loaders.grouped('claim/subjects', {}, {}, (r) => r.row as EntityRow).load(row.key),
  },
};
