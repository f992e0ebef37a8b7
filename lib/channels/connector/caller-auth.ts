// Bots and webhook callers on /v3/conversations prove themselves with a JWT checked against
// CONNECTOR_JWKS_URL (+ audience, + issuer when set) or with one of the static CONNECTOR_TOKENS.
import { createHash, timingSafeEqual } from 'node:crypto';
import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { env } from '../../config/env';
import { unauthorized } from '../../errors/app-error';

let keySet: { url: string; get: JWTVerifyGetKey } | null = null;

const digest = (value: string) => createHash('sha256').update(value).digest();

export async function verifyConnectorCaller(authorization: string | null): Promise<void> {
  const config = env();
  const tokens = config.CONNECTOR_TOKENS ?? [];
  const jwks = config.CONNECTOR_JWKS_URL && config.CONNECTOR_AUDIENCE ? config.CONNECTOR_JWKS_URL : null;
  if (tokens.length === 0 && !jwks) throw unauthorized('The Connector API is not enabled (CONNECTOR_TOKENS or CONNECTOR_JWKS_URL).');
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  if (!match) throw unauthorized('Send "Authorization: Bearer <token>".');
  const given = digest(match[1]!);
  if (tokens.reduce((found, token) => timingSafeEqual(digest(token), given) || found, false)) return;
  if (!jwks) throw unauthorized('The token is not valid.');
  if (keySet?.url !== jwks) keySet = { url: jwks, get: createRemoteJWKSet(new URL(jwks), { cooldownDuration: 30_000 }) };
  try {
    await jwtVerify(match[1]!, keySet.get, {
      audience: config.CONNECTOR_AUDIENCE,
      ...(config.CONNECTOR_ISSUER && { issuer: config.CONNECTOR_ISSUER }),
      clockTolerance: 300,
    });
  } catch {
    throw unauthorized('The token is not valid.');
  }
}
