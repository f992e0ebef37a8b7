import { env, publicUrl, sessionSecret } from '../../config/env';
import { directLineSecrets } from '../channel-settings';
import type { DirectLineKeys } from './credentials';

/** DIRECTLINE_SECRETS plus the secrets administrators issued; tokens are signed with SESSION_SECRET. */
export async function directLineKeys(): Promise<DirectLineKeys> {
  const config = env();
  return {
    secrets: await directLineSecrets(),
    signingSecret: sessionSecret(config),
    tokenTtlSeconds: config.DIRECTLINE_TOKEN_TTL_SECONDS,
  };
}

export const STREAM_PATH = /^\/v3\/directline\/conversations\/([^/?]+)\/stream$/;

/** Absolute ws(s):// URL carrying its own short-lived credential and, on reconnect, the watermark. */
export function streamUrlFor(conversationId: string, streamToken: string, watermark?: number): string {
  const base = publicUrl().replace(/^http/, 'ws');
  const query = new URLSearchParams({ t: streamToken, ...(watermark !== undefined && { watermark: String(watermark) }) });
  return `${base}/v3/directline/conversations/${encodeURIComponent(conversationId)}/stream?${query}`;
}
