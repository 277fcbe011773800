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

/** graphql-scalars' JSONObject, served with the name, description and @specifiedBy the SDL gives it. */
export const JSONScalar = new GraphQLScalarType({
  ...GraphQLJSONObject.toConfig(),
  name: 'JSON',
  description: 'A JSON object (properties of an entity or relationship), as specified by ECMA-404.',
  specifiedByURL: 'https://ecma-international.org/publications-and-standards/standards/ecma-404/',
});
