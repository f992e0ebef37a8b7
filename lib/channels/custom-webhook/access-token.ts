// The bearer token for a custom channel: a static token, or OAuth2 client credentials (oauth4webapi)
// cached until shortly before it expires.
import * as oauth from 'oauth4webapi';
import type { CustomChannelSettings } from './settings';

const EARLY_REFRESH_MS = 60_000;
const cache = new Map<string, { token: string; expiresAt: number }>();

export async function accessToken(settings: CustomChannelSettings, now = Date.now()): Promise<string | null> {
  if (!settings.tokenUrl || !settings.clientId || !settings.clientSecret) return settings.token ?? null;
  const key = `${settings.tokenUrl}|${settings.clientId}|${settings.scope ?? ''}`;
  const cached = cache.get(key);
  if (cached && cached.expiresAt > now) return cached.token;

  const tokenUrl = new URL(settings.tokenUrl);
  const server: oauth.AuthorizationServer = { issuer: tokenUrl.origin, token_endpoint: tokenUrl.href };
  const client: oauth.Client = { client_id: settings.clientId };
  const options = tokenUrl.protocol === 'http:' ? { [oauth.allowInsecureRequests]: true } : {};
  const response = await oauth.clientCredentialsGrantRequest(
    server,
    client,
    oauth.ClientSecretPost(settings.clientSecret),
    new URLSearchParams(settings.scope ? { scope: settings.scope } : {}),
    options,
  );
  const result = await oauth.processClientCredentialsResponse(server, client, response);
  const lifetimeMs = (result.expires_in ?? 3600) * 1000;
  cache.set(key, { token: result.access_token, expiresAt: now + Math.max(lifetimeMs - EARLY_REFRESH_MS, lifetimeMs / 2) });
  return result.access_token;
}

export function forgetAccessToken(settings: CustomChannelSettings): void {
  cache.delete(`${settings.tokenUrl}|${settings.clientId}|${settings.scope ?? ''}`);
}
