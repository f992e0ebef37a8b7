// OAuth2 client-credentials tokens (oauth4webapi), cached until shortly before they expire. Used for
// a custom channel's webhook and for the bot's calls to Bot Framework channels.
import * as oauth from 'oauth4webapi';

export interface ClientCredentials {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  scope?: string;
}

const EARLY_REFRESH_MS = 60_000;
const cache = new Map<string, { token: string; expiresAt: number }>();
const keyOf = (credentials: ClientCredentials) => `${credentials.tokenUrl}|${credentials.clientId}|${credentials.scope ?? ''}`;

export async function clientCredentialsToken(credentials: ClientCredentials, now = Date.now()): Promise<string> {
  const key = keyOf(credentials);
  const cached = cache.get(key);
  if (cached && cached.expiresAt > now) return cached.token;

  const tokenUrl = new URL(credentials.tokenUrl);
  const server: oauth.AuthorizationServer = { issuer: tokenUrl.origin, token_endpoint: tokenUrl.href };
  const client: oauth.Client = { client_id: credentials.clientId };
  const options = tokenUrl.protocol === 'http:' ? { [oauth.allowInsecureRequests]: true } : {};
  const response = await oauth.clientCredentialsGrantRequest(
    server,
    client,
    oauth.ClientSecretPost(credentials.clientSecret),
    new URLSearchParams(credentials.scope ? { scope: credentials.scope } : {}),
    options,
  );
  const result = await oauth.processClientCredentialsResponse(server, client, response);
  const lifetimeMs = (result.expires_in ?? 3600) * 1000;
  cache.set(key, { token: result.access_token, expiresAt: now + Math.max(lifetimeMs - EARLY_REFRESH_MS, lifetimeMs / 2) });
  return result.access_token;
}

/** After a 401 from the resource: the next call fetches a new token. */
export function forgetClientCredentialsToken(credentials: ClientCredentials): void {
  cache.delete(keyOf(credentials));
}
