import type { Context } from '../entity/context';
import { AppError, badInput, ErrorCode, intArgument } from '../errors';
import { fromEntityId, toGlobalId } from '../graph/ids';
import type { LinkRow, PathWalk } from '../path/rows';
import { MAX_HOPS, MAX_LINKS, links as walkLinks } from '../path/service';
import { applicablePolicies, type CompanyFacts, type PolicyLinkRow } from './applicability';

/**
 * The policies that apply to each company, by rule (src/policy/applicability.ts), read for
 * every company of a request in one statement per asOf (a list of companies asking for their
 * policies costs one round trip).
 */
export async function policiesOf(ctx: Context, companyKey: string, asOf: string | null): Promise<PolicyLinkRow[]> {
  const [facts] = await ctx.loaders
    .grouped('policy/applicability', {}, { asOf }, (row) => row as unknown as CompanyFacts)
    .load(companyKey);
  return facts ? applicablePolicies(facts) : [];
}

/**
 * A company named by its global id or by a name (its legal name, short name or alias, as
 * companyByName reads it); an unknown name or another type's id is refused, naming the argument.
 */
export async function companyKeyOf(ctx: Context, idOrName: string, argument: string): Promise<string> {
  let ref: { label: string; key: string } | null = null;
  try {
    ref = fromEntityId(idOrName, argument);
  } catch {
    // Not an id: a name.
  }
  if (ref) {
    if (ref.label !== 'Company') throw badInput(argument, `must name a company; this id is a ${ref.label}`);
    return ref.key;
  }
  const name = idOrName.trim();
  if (!name) throw badInput(argument, 'must be a company id or name; it is empty');
  const row = await ctx.loaders.byName('Company').load(name);
  if (!row)
    throw new AppError(
      ErrorCode.NOT_FOUND,
      `Argument "${argument}" names no company ("${name.slice(0, 100)}"): give an id, or a name that companyByName finds (search(text:) lists near names)`,
      { argument },
    );
  return row.key;
}

export interface PolicyArgs {
  first?: number | null;
  maxHops?: number | null;
  walk?: PathWalk | null;
  asOf?: string | null;
}

/**
 * companyPolicies and Company.policies: the rules' answer; UNRESTRICTED adds, below every
 * policy the rules give, those any shortest path reaches (labelled, with no rule).
 */
export async function companyPolicies(ctx: Context, companyKey: string, args: PolicyArgs): Promise<LinkRow[]> {
  const first = intArgument('first', args.first ?? 20, 0, MAX_LINKS);
  const maxHops = intArgument('maxHops', args.maxHops ?? 4, 1, MAX_HOPS);
  const ruled = await policiesOf(ctx, companyKey, args.asOf ?? null);
  if (args.walk !== 'UNRESTRICTED') return ruled.slice(0, first);
  const known = new Set(ruled.map((l) => l.target.key));
  const walked = await walkLinks(ctx.db, ctx.meter, {
    from: toGlobalId('Company', companyKey),
    targetType: 'Policy',
    maxHops,
    first: MAX_LINKS,
    walk: 'UNRESTRICTED',
    asOf: args.asOf,
  });
  // Below every rule (a NATIONAL link scores at least 1), in the walk's own order.
  const extra = walked.filter((l) => !known.has(l.target.key)).map((l) => ({ ...l, score: l.score / (1 + l.score) }));
  return [...ruled, ...extra].slice(0, first);
}
