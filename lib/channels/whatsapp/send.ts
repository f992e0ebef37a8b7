// Rep messages to WhatsApp through ACS Advanced Messaging (`POST /messages/notifications:send`).
import type { Activity } from '../../db/generated/client';
import type { AttemptOutcome } from '../../outbound/retry-policy';
import { acsClient, type AcsSettings } from './acs-client';

export interface WhatsAppFile {
  contentType: string;
  contentUrl: string;
  name: string | null;
}

/** One notification: text, or one file (image, video, audio or document) with the text as caption. */
export function toNotification(settings: AcsSettings, to: string, activity: Pick<Activity, 'text'>, file: WhatsAppFile | null) {
  const base = { channelRegistrationId: settings.channelId, to: [to] };
  if (!file) return { ...base, kind: 'text' as const, content: activity.text ?? '' };
  const kind = file.contentType.startsWith('image/') ? 'image' : file.contentType.startsWith('video/') ? 'video' : file.contentType.startsWith('audio/') ? 'audio' : 'document';
  return {
    ...base,
    kind,
    mediaUri: file.contentUrl,
    ...(activity.text && kind !== 'audio' && { caption: activity.text }),
    ...(kind === 'document' && file.name && { fileName: file.name }),
  };
}

/** Sends a notification (text, media or template); a success answers `{id}` with the ACS message id. */
export async function sendWhatsApp(settings: AcsSettings, notification: { channelRegistrationId: string; to: string[]; kind: string }, timeoutMs: number): Promise<AttemptOutcome> {
  try {
    const response = await acsClient(settings)
      .path('/messages/notifications:send')
      .post({ body: notification as never, abortSignal: AbortSignal.timeout(timeoutMs) });
    const status = Number(response.status);
    const body = response.body as { receipts?: { messageId?: string }[]; error?: { code?: string } } | undefined;
    return {
      kind: 'answered',
      status,
      retryAfter: response.headers['retry-after'] ?? null,
      body: status < 300 ? { id: body?.receipts?.[0]?.messageId } : body,
      errorCode: body?.error?.code ?? null,
    };
  } catch (error) {
    const name = (error as { name?: string }).name;
    if (name === 'AbortError' || name === 'TimeoutError') return { kind: 'timeout' };
    return { kind: 'network', message: (error as Error).message };
  }
}
