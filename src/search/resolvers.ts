import type { Resolvers } from '../generated/graphql';
import { search } from './service';

export const searchResolvers: Resolvers = {
  Query: {
    search: (_p, args, ctx) => search(ctx.db, ctx.meter, args),
  },
};
