// The official Azure Communication Services Advanced Messaging client (HMAC-SHA256 auth).
import MessageClient, { type MessagesServiceClient } from '@azure-rest/communication-messages';
import { whatsappSettings } from '../channel-settings';

export interface AcsSettings {
  endpoint: string;
  accessKey: string;
  channelId: string;
}

/** The administrators' ACS settings, else ACS_ENDPOINT, ACS_ACCESS_KEY and ACS_CHANNEL_ID. */
export const acsSettings = (): Promise<AcsSettings | null> => whatsappSettings();

let cached: { key: string; client: MessagesServiceClient } | null = null;

export function acsClient(settings: AcsSettings): MessagesServiceClient {
  const key = `${settings.endpoint}|${settings.accessKey}`;
  if (cached?.key !== key) {
    const connectionString = `endpoint=${settings.endpoint.replace(/\/?$/, '/')};accesskey=${settings.accessKey}`;
    cached = { key, client: MessageClient(connectionString, { allowInsecureConnection: settings.endpoint.startsWith('http:') }) };
  }
  return cached.client;
}

/** Media a customer sent: the bytes from `GET /messages/streams/{id}`. */
export async function downloadMedia(settings: AcsSettings, mediaId: string): Promise<{ bytes: Buffer; contentType: string }> {
  const response = await acsClient(settings).path('/messages/streams/{id}', mediaId).get().asNodeStream();
  if (response.status !== '200' || !response.body) throw new Error(`ACS answered ${response.status} for media ${mediaId}`);
  const chunks: Buffer[] = [];
  for await (const chunk of response.body) chunks.push(Buffer.from(chunk as Uint8Array));
  return { bytes: Buffer.concat(chunks), contentType: String(response.headers['content-type'] ?? 'application/octet-stream') };
}
