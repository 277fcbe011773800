import type { Resolvers } from '../generated/graphql';
import { resolveName, search } from './service';

export const searchResolvers: Resolvers = {
  Query: {
    search: (_p, args, ctx) => search(ctx.db, ctx.meter, args),
    resolveName: (_p, args, ctx) => resolveName(ctx.db, ctx.meter, args),
  },
};
