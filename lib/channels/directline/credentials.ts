// Who is calling Direct Line: the holder of a secret (may start and use any conversation) or of a
// token bound to one conversation and one user (signed by us with jose, HS256, expiring). Stream
// URLs carry a third kind: a short-lived credential good only for opening that conversation's socket.
import { createHash, timingSafeEqual } from 'node:crypto';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { hmacKey } from '../../auth/derived-key';
import { AppError, forbidden, unauthorized } from '../../errors/app-error';

export type DirectLineCaller =
  | { kind: 'secret' }
  | { kind: 'token'; conversationId: string; userId?: string; userName?: string };

export interface DirectLineKeys {
  secrets: string[];
  /** Key material the tokens are signed with (derived from SESSION_SECRET). */
  signingSecret: string;
  tokenTtlSeconds: number;
}

export interface TokenClaims {
  conversationId: string;
  userId?: string;
  userName?: string;
}

const ISSUER = 'agent-console/directline';
const CONVERSATION_AUDIENCE = 'directline';
const STREAM_AUDIENCE = 'directline-stream';
export const STREAM_TOKEN_TTL_SECONDS = 300;

const signingKey = (keys: DirectLineKeys) => hmacKey(keys.signingSecret, 'directline-token');

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

function isSecret(candidate: string, secrets: string[]): boolean {
  const given = digest(candidate);
  return secrets.reduce((found, secret) => timingSafeEqual(digest(secret), given) || found, false);
}

async function sign(keys: DirectLineKeys, claims: TokenClaims, audience: string, ttlSeconds: number): Promise<string> {
  return new SignJWT({ conv: claims.conversationId, uid: claims.userId, uname: claims.userName })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(ISSUER)
    .setAudience(audience)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds)
    .sign(await signingKey(keys));
}

// A client sends the same token with every activity for up to half an hour: what a token proved is
// remembered (per key, until it expires) instead of checking its signature on every request.
const VERIFIED_TOKENS = 10_000;
const verified = new WeakMap<CryptoKey, Map<string, { claims: TokenClaims; expiresAtMs: number }>>();

async function verify(keys: DirectLineKeys, token: string, audience: string): Promise<TokenClaims> {
  const key = await signingKey(keys);
  let known = verified.get(key);
  if (!known) verified.set(key, (known = new Map()));
  const id = `${audience} ${token}`;
  const hit = known.get(id);
  if (hit && hit.expiresAtMs > Date.now()) return hit.claims;
  known.delete(id);
  try {
    const { payload } = await jwtVerify(token, key, { issuer: ISSUER, audience, algorithms: ['HS256'] });
    if (typeof payload.conv !== 'string') throw unauthorized('The token is not a Direct Line token.');
    const claims = {
      conversationId: payload.conv,
      userId: typeof payload.uid === 'string' ? payload.uid : undefined,
      userName: typeof payload.uname === 'string' ? payload.uname : undefined,
    };
    if (payload.exp !== undefined) {
      if (known.size >= VERIFIED_TOKENS) known.delete(known.keys().next().value!);
      known.set(id, { claims, expiresAtMs: payload.exp * 1000 });
    }
    return claims;
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (error instanceof joseErrors.JWTExpired) throw forbidden('The token has expired.', 'TokenExpired');
    throw unauthorized('The secret or token is not valid.');
  }
}

export async function issueToken(keys: DirectLineKeys, claims: TokenClaims): Promise<{ token: string; expiresIn: number }> {
  return { token: await sign(keys, claims, CONVERSATION_AUDIENCE, keys.tokenTtlSeconds), expiresIn: keys.tokenTtlSeconds };
}

export function issueStreamToken(keys: DirectLineKeys, claims: TokenClaims): Promise<string> {
  return sign(keys, claims, STREAM_AUDIENCE, STREAM_TOKEN_TTL_SECONDS);
}

export function verifyStreamToken(keys: DirectLineKeys, token: string): Promise<TokenClaims> {
  return verify(keys, token, STREAM_AUDIENCE);
}

export async function authenticate(keys: DirectLineKeys, authorization: string | null): Promise<DirectLineCaller> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  if (!match) throw unauthorized('Send "Authorization: Bearer <secret or token>".');
  const credential = match[1]!;
  if (keys.secrets.length > 0 && isSecret(credential, keys.secrets)) return { kind: 'secret' };
  return { kind: 'token', ...(await verify(keys, credential, CONVERSATION_AUDIENCE)) };
}

/** A token opens only its own conversation. */
export function assertMayUse(caller: DirectLineCaller, conversationId: string): void {
  if (caller.kind === 'token' && caller.conversationId !== conversationId) {
    throw forbidden('The token is for another conversation.');
  }
}
