import type { Resolvers } from '../generated/graphql';
import { neighborhood, subgraph } from './service';

export const vizResolvers: Resolvers = {
  Query: {
    neighborhood: (_p, args, ctx) => neighborhood(ctx.db, ctx.meter, { ...args, audit: ctx.principal !== null }),
    subgraph: (_p, args, ctx) => subgraph(ctx.db, ctx.meter, { ...args, audit: ctx.principal !== null }),
  },
};
