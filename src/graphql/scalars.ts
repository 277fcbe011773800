import { GraphQLScalarType, Kind } from 'graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { isValidIsoDate } from '../graph/values';

function parseDate(value: unknown): string {
  if (typeof value !== 'string' || !isValidIsoDate(value)) {
    throw new TypeError(`Date must be a calendar date written YYYY-MM-DD, got ${JSON.stringify(value)}`);
  }
  return value;
}

/** Dates are stored and served as ISO strings (YYYY-MM-DD): they sort and compare as text. */
export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'An ISO-8601 calendar date, YYYY-MM-DD.',
  serialize: (value) => String(value),
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : undefined),
});

export const JSONScalar = new GraphQLScalarType({ ...GraphQLJSONObject.toConfig(), name: 'JSON' });
