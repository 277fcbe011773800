import { boltUri, parseConfig } from '../../src/config';

describe('configuration', () => {
  it('defaults to the bundled Neo4j on 7687 and port 4000', () => {
    const config = parseConfig({});
    expect(config.port).toBe(4000);
    expect(config.neo4j.uri).toBeNull();
    expect(boltUri(config)).toBe('bolt://127.0.0.1:7687');
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('uses NEO4J_URI (routing included) with its credentials', () => {
    const config = parseConfig({
      NEO4J_URI: 'neo4j://db:7687',
      NEO4J_USERNAME: 'u',
      NEO4J_PASSWORD: 'p',
      NEO4J_DATABASE: 'graph',
    });
    expect(boltUri(config)).toBe('neo4j://db:7687');
    expect(config.neo4j).toMatchObject({ username: 'u', password: 'p', database: 'graph' });
  });

  it.each([
    [{ PORT: 'abc' }, /PORT must be an integer/],
    [{ NEO4J_URI: 'http://db' }, /NEO4J_URI must start with bolt/],
    [{ NEO4J_BOLT_PORT: '70000' }, /NEO4J_BOLT_PORT/],
  ])('rejects %j with a message saying what to fix', (env, message) => {
    expect(() => parseConfig(env)).toThrow(message);
  });
});
