// Who is calling Direct Line: the holder of a secret (may start and use any conversation) or of a
// token bound to one conversation and one user (signed by us with jose, HS256, expiring).
import { createHash, timingSafeEqual } from 'node:crypto';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { derivedKey } from '../../auth/derived-key';
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

const ISSUER = 'agent-console/directline';

const signingKey = (keys: DirectLineKeys) => derivedKey(keys.signingSecret, 'directline-token');

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

function isSecret(candidate: string, secrets: string[]): boolean {
  const given = digest(candidate);
  return secrets.reduce((found, secret) => timingSafeEqual(digest(secret), given) || found, false);
}

export async function issueToken(
  keys: DirectLineKeys,
  claims: { conversationId: string; userId?: string; userName?: string },
): Promise<{ token: string; expiresIn: number }> {
  const token = await new SignJWT({ conv: claims.conversationId, uid: claims.userId, uname: claims.userName })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(ISSUER)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + keys.tokenTtlSeconds)
    .sign(signingKey(keys));
  return { token, expiresIn: keys.tokenTtlSeconds };
}

export async function authenticate(keys: DirectLineKeys, authorization: string | null): Promise<DirectLineCaller> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  if (!match) throw unauthorized('Send "Authorization: Bearer <secret or token>".', 'BadArgument');
  const credential = match[1]!;
  if (keys.secrets.length > 0 && isSecret(credential, keys.secrets)) return { kind: 'secret' };
  try {
    const { payload } = await jwtVerify(credential, signingKey(keys), { issuer: ISSUER, algorithms: ['HS256'] });
    if (typeof payload.conv !== 'string') throw unauthorized('The token is not a Direct Line token.', 'BadArgument');
    return {
      kind: 'token',
      conversationId: payload.conv,
      userId: typeof payload.uid === 'string' ? payload.uid : undefined,
      userName: typeof payload.uname === 'string' ? payload.uname : undefined,
    };
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (error instanceof joseErrors.JWTExpired) throw forbidden('The token has expired.', 'TokenExpired');
    throw unauthorized('The secret or token is not valid.', 'BadArgument');
  }
}

/** A token opens only its own conversation. */
export function assertMayUse(caller: DirectLineCaller, conversationId: string): void {
  if (caller.kind === 'token' && caller.conversationId !== conversationId) {
    throw forbidden('The token is for another conversation.', 'BadArgument');
  }
}
