// The official Azure Communication Services Advanced Messaging client (HMAC-SHA256 auth).
import MessageClient, { type MessagesServiceClient } from '@azure-rest/communication-messages';
import { FetchRefused, readBounded, withOwnSignal, type FetchedFile } from '../../attachments/fetch-remote';
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

/**
 * Media a customer sent: the bytes from `GET /messages/streams/{id}`, at most `maxBytes`. ACS's 4xx
 * (the media is gone or never was) is final: a FetchRefused the rep reads; anything else is thrown as
 * it is, so Event Grid delivers the event again later.
 */
export async function downloadMedia(settings: AcsSettings, mediaId: string, options: { maxBytes: number; signal: AbortSignal }): Promise<FetchedFile> {
  return withOwnSignal(options.signal, async (signal) => {
    const response = await acsClient(settings).path('/messages/streams/{id}', mediaId).get({ abortSignal: signal }).asNodeStream();
    const status = Number(response.status);
    const body = response.body as (NodeJS.ReadableStream & AsyncIterable<Buffer> & { destroy(): void }) | undefined;
    if (status !== 200 || !body) {
      body?.destroy();
      if (status >= 400 && status < 500 && status !== 408 && status !== 429) throw new FetchRefused(`ACS answered ${status}`);
      throw new Error(`ACS answered ${status} for media ${mediaId}`);
    }
    const bytes = await readBounded(body, { maxBytes: options.maxBytes, signal });
    const type = response.headers['content-type'];
    return { bytes, contentType: typeof type === 'string' ? type : null };
  });
}
