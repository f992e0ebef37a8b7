import { clientCredentialsToken, forgetClientCredentialsToken, type ClientCredentials } from '../../auth/client-credentials';
import type { CustomChannelSettings } from './settings';

function credentialsOf(settings: CustomChannelSettings): ClientCredentials | null {
  if (!settings.tokenUrl || !settings.clientId || !settings.clientSecret) return null;
  return { tokenUrl: settings.tokenUrl, clientId: settings.clientId, clientSecret: settings.clientSecret, scope: settings.scope };
}

/** The bearer token for a custom channel: OAuth2 client credentials when configured, else the static token. */
export async function accessToken(settings: CustomChannelSettings): Promise<string | null> {
  const credentials = credentialsOf(settings);
  return credentials ? clientCredentialsToken(credentials) : (settings.token ?? null);
}

export function forgetAccessToken(settings: CustomChannelSettings): void {
  const credentials = credentialsOf(settings);
  if (credentials) forgetClientCredentialsToken(credentials);
}
