import { ApolloClient, gql, HttpLink, InMemoryCache } from '@apollo/client';
import { Client, cacheExchange, fetchExchange } from '@urql/core';
import { type TestApi, testApi } from '../support/api';

/**
 * Clients as the README tells people to use them: Apollo Client 4 (InMemoryCache), urql and
 * graphql-request against a real server, each with its defaults or the one documented line.
 */
let api: TestApi;
let url: string;
const ids: Record<string, string> = {};
beforeAll(async () => {
  api = await testApi();
  url = `${await api.listen()}/graphql`;
  const r = await api.gql('{ baidu: companyByName(name: "百度") { id } ernie: modelByName(name: "文心一言") { id } }');
  Object.assign(ids, { baidu: r.data.baidu.id, ernie: r.data.ernie.id });
});
afterAll(() => api.close());

const NEIGHBOURHOOD = gql`
  query Neighbourhood($id: ID!) {
    neighborhood(id: $id) {
      nodes {
        id
        entityId
        distance
        caption
        entity {
          id
          name
        }
      }
    }
  }
`;

describe('Apollo Client 4 with InMemoryCache, defaults', () => {
  it('keeps each neighbourhood’s distances: feed nodes do not collide in the cache (regression: 百度 0 became 1)', async () => {
    const client = new ApolloClient({ link: new HttpLink({ uri: url }), cache: new InMemoryCache() });
    const first = await client.query<any>({ query: NEIGHBOURHOOD, variables: { id: ids.baidu } });
    const baiduFirst = first.data?.neighborhood?.nodes.find((n: any) => n.entityId === ids.baidu);
    expect(baiduFirst.distance).toBe(0);
    const second = await client.query<any>({ query: NEIGHBOURHOOD, variables: { id: ids.ernie } });
    expect(second.data?.neighborhood?.nodes.find((n: any) => n.entityId === ids.baidu).distance).toBe(1);
    // The first answer, read again from the cache alone, is unchanged.
    const again = client.readQuery({ query: NEIGHBOURHOOD, variables: { id: ids.baidu } }) as any;
    expect(again.neighborhood.nodes.find((n: any) => n.entityId === ids.baidu).distance).toBe(0);
    // The entity is normalized once, and reachable from every feed node.
    expect((client.cache.extract() as any)[`Company:${ids.baidu}`]).toMatchObject({ name: '北京百度网讯科技有限公司' });
  });

  it('gets an error at its field and the rest of the answer (errorPolicy all)', async () => {
    const client = new ApolloClient({ link: new HttpLink({ uri: url }), cache: new InMemoryCache() });
    const r = await client.query<any>({
      query: gql`{ models(after: "garbage") { totalCount } filingsByRegion { totalCounted } }`,
      errorPolicy: 'all',
    });
    expect(r.data?.filingsByRegion.totalCounted).toBeGreaterThan(0);
    expect((r.error as any)?.errors?.[0]?.path ?? (r.error as any)?.graphQLErrors?.[0]?.path).toEqual(['models']);
  });
});

describe('urql', () => {
  const QUERY = '{ companyByName(name: "百度") { name } }';

  it('with its defaults sends queries as GET, which CSRF prevention refuses, saying what to send', async () => {
    const client = new Client({ url, exchanges: [cacheExchange, fetchExchange] });
    const r = await client.query(QUERY, {}).toPromise();
    expect(r.data).toBeUndefined();
    expect(r.error?.message).toMatch(/apollo-require-preflight|Cross-Site Request Forgery/);
  });

  it('works with the README’s one line (preferGetMethod: false)', async () => {
    const client = new Client({ url, exchanges: [cacheExchange, fetchExchange], preferGetMethod: false });
    const r = await client.query(QUERY, {}).toPromise();
    expect(r.error).toBeUndefined();
    expect(r.data.companyByName.name).toBe('北京百度网讯科技有限公司');
  });
});

describe('graphql-request, defaults', () => {
  it('runs a query with variables', async () => {
    // graphql-request is an ES module; a dynamic import loads it from this CommonJS test.
    const { GraphQLClient } = await import('graphql-request');
    const client = new GraphQLClient(url);
    const r = await client.request<{ node: { name: string } }>(
      'query($id: ID!) { node(id: $id) { ... on Company { name } } }',
      {
        id: ids.baidu,
      },
    );
    expect(r.node.name).toBe('北京百度网讯科技有限公司');
  });
});
