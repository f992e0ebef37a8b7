// A Bot Framework channel (Teams, …) proves itself with a JWT: signed by a key of CHANNEL_JWKS_URL,
// issued by CHANNEL_ISSUER for audience BOT_APP_ID, and naming the activity's serviceUrl.
import { botSettings } from '../channel-settings';
import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { env } from '../../config/env';
import { forbidden, unauthorized } from '../../errors/app-error';

const keySets = new Map<string, JWTVerifyGetKey>();

function keySet(url: string): JWTVerifyGetKey {
  let set = keySets.get(url);
  if (!set) keySets.set(url, (set = createRemoteJWKSet(new URL(url), { cooldownDuration: 30_000, cacheMaxAge: 24 * 3600_000 })));
  return set;
}

const sameServiceUrl = (a: string, b: string) => a.replace(/\/+$/, '').toLowerCase() === b.replace(/\/+$/, '').toLowerCase();

export type ChannelClaims = Record<string, unknown>;

/** Verifies the caller's token; fails closed when the bot is not configured. */
export async function verifyChannelToken(authorization: string | null): Promise<ChannelClaims> {
  const config = env();
  const bot = await botSettings();
  if (!bot) throw unauthorized('This console has no bot configured (BOT_APP_ID).');
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  if (!match) throw unauthorized('A Bot Framework token is required.');
  let claims: Record<string, unknown>;
  try {
    ({ payload: claims } = await jwtVerify(match[1]!, keySet(config.CHANNEL_JWKS_URL), {
      issuer: config.CHANNEL_ISSUER,
      audience: bot.appId,
      clockTolerance: 300,
    }));
  } catch {
    throw unauthorized('The Bot Framework token is not valid.');
  }
  return claims;
}

/** The token must name the serviceUrl the activity says replies go to. */
export function assertServiceUrl(claims: ChannelClaims, serviceUrl: string | undefined): void {
  const claimed = claims.serviceurl ?? claims.serviceUrl;
  if (typeof claimed !== 'string' || !serviceUrl || !sameServiceUrl(claimed, serviceUrl)) {
    throw forbidden('The token was issued for another serviceUrl.');
  }
}
