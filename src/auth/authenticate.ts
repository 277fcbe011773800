import { createHash, timingSafeEqual } from 'node:crypto';
import { createRemoteJWKSet, type JWTPayload, jwtVerify } from 'jose';
import type { Config, Role } from '../config';
import { AppError, ErrorCode } from '../errors';

export interface Principal {
  name: string;
  role: Role;
  via: 'api-key' | 'jwt';
}

type Headers = Record<string, string | string[] | undefined>;

const header = (headers: Headers, name: string): string | undefined => {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
};

function roleOf(payload: JWTPayload): Role {
  const claims = [
    payload.role,
    ...(Array.isArray(payload.roles) ? payload.roles : []),
    ...String(payload.scope ?? '').split(' '),
  ];
  return claims.includes('editor') ? 'editor' : 'reader';
}

/**
 * Who is calling: an API key (`x-api-key` or `Authorization: ApiKey <key>`, compared by
 * sha256 in constant time) or a JWT bearer token (HS256 secret or a JWKS URL, via jose).
 * No credentials gives null; credentials that do not check out are UNAUTHENTICATED.
 */
export function createAuthenticator(auth: Config['auth']) {
  const jwks = auth.jwksUrl ? createRemoteJWKSet(new URL(auth.jwksUrl)) : null;
  const secret = auth.jwtSecret ? new TextEncoder().encode(auth.jwtSecret) : null;
  const keyHashes = auth.apiKeys.map((k) => ({ ...k, digest: Buffer.from(k.sha256, 'hex') }));

  return async function authenticate(headers: Headers): Promise<Principal | null> {
    const authorization = header(headers, 'authorization') ?? '';
    const apiKey = header(headers, 'x-api-key') ?? /^ApiKey\s+(.+)$/i.exec(authorization)?.[1] ?? null;
    if (apiKey) {
      const digest = createHash('sha256').update(apiKey.trim()).digest();
      const match = keyHashes.find((k) => timingSafeEqual(k.digest, digest));
      if (!match) throw new AppError(ErrorCode.UNAUTHENTICATED, 'The API key is not valid.');
      return { name: match.name, role: match.role, via: 'api-key' };
    }
    const bearer = /^Bearer\s+(.+)$/i.exec(authorization)?.[1];
    if (bearer) {
      if (!secret && !jwks)
        throw new AppError(
          ErrorCode.UNAUTHENTICATED,
          'Bearer tokens are not accepted: set JWT_SECRET or JWKS_URL on the server.',
        );
      try {
        // A token without an expiry would be valid forever: exp is required.
        const options = {
          issuer: auth.jwtIssuer ?? undefined,
          audience: auth.jwtAudience ?? undefined,
          requiredClaims: ['exp'],
        };
        const { payload } = secret
          ? await jwtVerify(bearer, secret, { ...options, algorithms: ['HS256'] })
          : await jwtVerify(bearer, jwks as NonNullable<typeof jwks>, options);
        const left = Number(payload.exp) - Date.now() / 1000;
        if (left > auth.jwtMaxAgeSeconds)
          throw new AppError(
            ErrorCode.UNAUTHENTICATED,
            `The bearer token is valid for too long (${Math.round(left)} s more); this server accepts tokens that expire within JWT_MAX_AGE_SECONDS (${auth.jwtMaxAgeSeconds} s).`,
          );
        return { name: String(payload.sub ?? 'jwt'), role: roleOf(payload), via: 'jwt' };
      } catch (error) {
        if (error instanceof AppError) throw error;
        // The key server being unreachable says nothing about the token: retry later, and no address leaks.
        if (isKeyServerFailure(error))
          throw new AppError(
            ErrorCode.SERVICE_UNAVAILABLE,
            'The key server for bearer tokens cannot be reached; retry shortly.',
          );
        throw new AppError(ErrorCode.UNAUTHENTICATED, `The bearer token is not valid (${(error as Error).message}).`);
      }
    }
    return null;
  };
}

const NETWORK_CODES = new Set([
  'ERR_JWKS_TIMEOUT',
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

function isKeyServerFailure(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? (error as { cause?: { code?: string } }).cause?.code ?? '';
  return NETWORK_CODES.has(code) || /JSON Web Key Set HTTP response|fetch failed/.test((error as Error).message ?? '');
}

/**
 * The one read rule, for every route (GraphQL, /graph feeds, /metrics): anonymous callers
 * read only while READS_PUBLIC is true; any valid credential may read.
 */
export function requireReader(principal: Principal | null, readsPublic: boolean): Principal | null {
  if (!principal && !readsPublic) {
    throw new AppError(
      ErrorCode.UNAUTHENTICATED,
      'This server needs credentials for reads: send an API key (x-api-key) or a bearer token.',
    );
  }
  return principal;
}

/** Writes need the editor role: no credentials is UNAUTHENTICATED, the wrong role FORBIDDEN. */
export function requireEditor(principal: Principal | null): Principal {
  if (!principal)
    throw new AppError(
      ErrorCode.UNAUTHENTICATED,
      'Writes need credentials: send an editor API key (x-api-key) or a bearer token.',
    );
  if (principal.role !== 'editor')
    throw new AppError(
      ErrorCode.FORBIDDEN,
      `"${principal.name}" has role ${principal.role}; writes need the editor role.`,
    );
  return principal;
}
