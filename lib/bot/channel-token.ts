// The token the console sends a bot with every activity, as a Bot Framework channel does: RS256,
// `iss` = PUBLIC_URL, `aud` = the bot's app id, `serviceurl` = the activity's serviceUrl (botbuilder
// compares it to the activity's as an exact string), the `kid` of a key published at
// PUBLIC_URL/.well-known/openid-configuration → jwks_uri. No `ver`/`appid` claims: botbuilder would
// take the token for a skill's. Cached per bot and serviceUrl until two minutes before it expires or
// another key signs.
import { SignJWT } from 'jose';
import { publicUrl } from '../config/env';
import { db as defaultDb, type Db } from '../db/client';
import { CHANNEL_TOKEN_TTL_SECONDS } from './key-schedule';
import { currentSigningKey, SIGNING_ALGORITHM } from './signing-keys';

const REFRESH_BEFORE_MS = 120_000;
const MAX_CACHED = 1000;

interface Cached {
  token: string;
  kid: string;
  expiresAt: number;
}

const cache = new Map<string, Cached>();

export async function channelTokenForBot(input: { appId: string; serviceUrl: string }, db: Db = defaultDb()): Promise<string> {
  const signer = await currentSigningKey(db);
  const cacheKey = `${input.appId}\n${input.serviceUrl}`;
  const cached = cache.get(cacheKey);
  if (cached && cached.kid === signer.kid && cached.expiresAt - REFRESH_BEFORE_MS > Date.now()) return cached.token;
  const issuedAt = Math.floor(Date.now() / 1000);
  const expiresAt = issuedAt + CHANNEL_TOKEN_TTL_SECONDS;
  const token = await new SignJWT({ serviceurl: input.serviceUrl })
    .setProtectedHeader({ alg: SIGNING_ALGORITHM, kid: signer.kid, typ: 'JWT' })
    .setIssuer(publicUrl())
    .setAudience(input.appId)
    .setIssuedAt(issuedAt)
    .setNotBefore(issuedAt)
    .setExpirationTime(expiresAt)
    .sign(signer.key);
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(cacheKey, { token, kid: signer.kid, expiresAt: expiresAt * 1000 });
  return token;
}
