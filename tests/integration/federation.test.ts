import { ApolloGateway, IntrospectAndCompose } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { type TestApi, testApi } from '../support/api';

/**
 * The API composed into a supergraph by Apollo's own gateway, beside a second subgraph that
 * adds a field to Company (a watch list, as a newsroom's own service would): composition must
 * accept the SDL as served, and a query through the gateway must join both.
 */
let api: TestApi;
let subgraphUrl: string;
const servers: ApolloServer<any>[] = [];
let gatewayUrl: string;

const WATCHLIST = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Company @key(fields: "id") {
    id: ID!
    watched: Boolean!
    note: String
  }
  type Query {
    watchlist: [Company!]!
  }
`;

beforeAll(async () => {
  api = await testApi();
  subgraphUrl = `${await api.listen()}/graphql`;
  const baidu = (await api.gql('{ c: companyByName(name: "百度") { id } }')).data.c.id as string;
  const watched = (id: string) => ({ id, watched: id === baidu, note: id === baidu ? 'filed first, Aug 2023' : null });
  const watch = new ApolloServer({
    schema: buildSubgraphSchema([
      {
        typeDefs: parse(WATCHLIST),
        resolvers: {
          Query: { watchlist: () => [watched(baidu)] },
          Company: { __resolveReference: (ref: { id: string }) => watched(ref.id) },
        } as any,
      },
    ]),
  });
  servers.push(watch);
  const { url: watchUrl } = await startStandaloneServer(watch, { listen: { port: 0 } });
  const gateway = new ApolloGateway({
    supergraphSdl: new IntrospectAndCompose({
      subgraphs: [
        { name: 'registry', url: subgraphUrl },
        { name: 'watchlist', url: watchUrl },
      ],
    }),
  });
  const router = new ApolloServer({ gateway });
  servers.push(router);
  ({ url: gatewayUrl } = await startStandaloneServer(router, { listen: { port: 0 } }));
}, 60_000);

afterAll(async () => {
  for (const s of servers.reverse()) await s.stop();
  await api.close();
});

async function post(url: string, query: string, variables: Record<string, unknown> = {}) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data?: any; errors?: any[] };
}

describe('a Federation 2 subgraph (issue 26)', () => {
  it('serves its SDL with the federation link and a key on every entity type', async () => {
    const r = await api.gql('{ _service { sdl } }');
    expect(r.errors).toBeUndefined();
    const sdl: string = r.data._service.sdl;
    expect(sdl).toContain('@link(url: "https://specs.apollo.dev/federation/v2.7"');
    for (const type of [
      'Model',
      'Company',
      'Region',
      'Cluster',
      'Industry',
      'Scenario',
      'Policy',
      'EnterpriseType',
      'Insight',
    ])
      expect(sdl).toContain(`extend type ${type} @key(fields: "id") @key(fields: "key")`);
  });

  it('is composed by @apollo/gateway and answers a query joining the second subgraph on Company', async () => {
    const r = await post(
      gatewayUrl,
      '{ companyByName(name: "百度") { name watched note models(first: 2) { totalCount } } }',
    );
    expect(r.errors).toBeUndefined();
    expect(r.data.companyByName).toEqual({
      name: '北京百度网讯科技有限公司',
      watched: true,
      note: 'filed first, Aug 2023',
      models: { totalCount: expect.any(Number) },
    });
  });

  it('resolves the other subgraph’s companies through _entities (the gateway asks by id)', async () => {
    const r = await post(gatewayUrl, '{ watchlist { watched name nameEn models { nodes { name } } } }');
    expect(r.errors).toBeUndefined();
    expect(r.data.watchlist).toHaveLength(1);
    expect(r.data.watchlist[0]).toMatchObject({ watched: true, name: '北京百度网讯科技有限公司', nameEn: 'Baidu' });
    expect(r.data.watchlist[0].models.nodes.map((m: any) => m.name)).toContain('文心一言');
  });

  it('resolves representations by id or natural key, batched, each bad one failing alone', async () => {
    const baidu = (await api.gql('{ c: companyByName(name: "百度") { id } }')).data.c.id;
    const r = await api.gql(
      'query($r: [_Any!]!) { _entities(representations: $r) { __typename ... on Company { name } ... on Model { name } } }',
      {
        r: [
          { __typename: 'Company', id: baidu },
          { __typename: 'Model', key: '文心一言' },
          { __typename: 'Model', key: 'no such model' },
          { __typename: 'Model', id: baidu },
          { __typename: 'Company' },
        ],
      },
    );
    expect(r.data._entities).toEqual([
      { __typename: 'Company', name: '北京百度网讯科技有限公司' },
      { __typename: 'Model', name: '文心一言' },
      null,
      // A Company's id given as a Model's: not that model.
      null,
      null,
    ]);
    expect(r.errors).toHaveLength(1);
    expect(r.errors?.[0]).toMatchObject({
      path: ['_entities', 4],
      extensions: { code: 'BAD_USER_INPUT', argument: 'representations' },
    });
    // Two keys of one label read together, in one statement.
    expect(r.files.filter((f) => f === 'entity/by-keys').length).toBeLessThanOrEqual(2);
  });

  it('prices _entities by its representations and refuses it over the budget, before any read', async () => {
    const representations = Array.from({ length: 600 }, (_, i) => ({ __typename: 'Company', key: `c${i}` }));
    const r = await api.gql(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Company { models(first: 100) { nodes { name } } } } }',
      { r: representations },
    );
    expect(r.errors?.[0].extensions.code).toBe('COST_LIMIT_EXCEEDED');
    expect(r.roundTrips).toBe(0);
  });

  it('keeps _service to callers with a key where introspection is off', async () => {
    const closed = await testApi({ INTROSPECTION: 'false' });
    try {
      const anonymous = await closed.gql('{ _service { sdl } }');
      expect(anonymous.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
      const keyed = await closed.gql('{ _service { sdl } }', {}, { name: 'router', role: 'reader', via: 'api-key' });
      expect(keyed.errors).toBeUndefined();
      expect(keyed.data._service.sdl).toContain('@key');
    } finally {
      await closed.close();
    }
  });
});
