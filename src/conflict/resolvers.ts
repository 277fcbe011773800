import type { Resolvers } from '../generated/graphql';
import { fromEntityId } from '../graph/ids';
import { findConflicts, relationshipsBetween, unmatchedNames } from './service';

export const conflictResolvers: Resolvers = {
  Query: {
    conflicts: (_p, args, ctx) => findConflicts(ctx.db, ctx.meter, args.kinds),
    unmatchedNames: (_p, args, ctx) => unmatchedNames(ctx.db, ctx.meter, args.type ?? 'Company', args.first ?? 50),
    relationshipsBetween: (_p, args, ctx) =>
      relationshipsBetween(ctx.db, ctx.meter, fromEntityId(args.a, 'a'), fromEntityId(args.b, 'b')),
  },
  ConflictingClaim: {
    source: async (row, _a, ctx) => {
      const source = await ctx.loaders.byKey('Source').load(row.sourceKey);
      if (!source) throw new Error(`conflict cites missing source ${row.sourceKey}`);
      return source;
    },
    claim: (row, _a, ctx) => (row.claimKey ? ctx.loaders.byKey('Claim').load(row.claimKey) : null) as never,
  },
};
