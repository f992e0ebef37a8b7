// Files a customer's activity carries, whatever the channel: fetched by URL (fetch-remote.ts),
// decoded from a data URI, or already stored by an upload; then stored like any upload (type from
// the bytes, the size cap). Each channel's `media.ts` says which of an activity's attachments are
// files and how to fetch them; this module does the rest. A file that cannot be had becomes a
// failure the rep reads, never a lost message.
import { db as defaultDb, type Db } from '../db/client';
import { AppError } from '../errors/app-error';
import { env } from '../config/env';
import type { FetchFailure } from '../protocol/console-content';
import { decodeDataUri } from './data-uri';
import { FetchRefused, fetchRemote, type FetchedFile, type FetchRemoteOptions } from './fetch-remote';
import { MAX_ATTACHMENT_BYTES, storeAttachment } from './store-attachment';

export type InboundMedia =
  | {
      kind: 'url';
      url: string;
      name: string | null;
      /** The type the channel claims (the bytes decide what is stored). */
      contentType: string | null;
      headersFor?: FetchRemoteOptions['headersFor'];
    }
  | { kind: 'data'; uri: string; name: string | null }
  /** A file uploaded to the console beforehand (Connector API `/v3/conversations/{id}/attachments`). */
  | { kind: 'stored'; attachmentId: string; name: string | null }
  /**
   * A file the channel serves by its own API (WhatsApp media by id): `download` reads at most
   * `maxBytes`, throws FetchRefused when the channel will never serve it, anything else when it may later.
   */
  | { kind: 'download'; name: string | null; contentType: string | null; download(options: { maxBytes: number; signal: AbortSignal }): Promise<FetchedFile> };

/** What a channel's `media.ts` answers for an activity: its files, and the attachments that are not files. */
export interface ActivityMedia<A> {
  media: InboundMedia[];
  others: A[];
}

export interface StoredMedia {
  /** Every file the activity carries, in its order. */
  attachmentIds: string[];
  /** Those stored just now (removed again when the activity turns out to be a replay). */
  fetchedIds: string[];
  failures: FetchFailure[];
}

interface Bytes {
  bytes: Buffer;
  contentType: string | null;
}

export async function storeInboundMedia(conversationId: string, media: InboundMedia[], db: Db = defaultDb()): Promise<StoredMedia> {
  const signal = AbortSignal.timeout(env().MEDIA_FETCH_TIMEOUT_MS);
  // Fetched in parallel under one deadline, stored in the activity's order.
  const fetched = await Promise.allSettled(media.map((item) => bytesOf(item, signal)));
  const outcome: StoredMedia = { attachmentIds: [], fetchedIds: [], failures: [] };
  for (const [index, item] of media.entries()) {
    const result = fetched[index]!;
    const name = nameOf(item);
    try {
      if (result.status === 'rejected') throw result.reason;
      if (result.value === 'stored') {
        outcome.attachmentIds.push(await claimableUpload(conversationId, item as Extract<InboundMedia, { kind: 'stored' }>, db));
        continue;
      }
      const { bytes, contentType } = result.value;
      const claimed = contentType ?? (item.kind === 'url' || item.kind === 'download' ? item.contentType : null) ?? 'application/octet-stream';
      const stored = await storeAttachment({ conversationId, bytes, contentType: claimed, name }, db);
      outcome.attachmentIds.push(stored.id);
      outcome.fetchedIds.push(stored.id);
    } catch (error) {
      outcome.failures.push({ name: name ?? (item.kind === 'data' ? 'inline file' : 'attachment'), reason: failureReason(error) });
    }
  }
  return outcome;
}

async function bytesOf(item: InboundMedia, signal: AbortSignal): Promise<Bytes | 'stored'> {
  if (item.kind === 'stored') return 'stored';
  if (item.kind === 'data') return decodeDataUri(item.uri, MAX_ATTACHMENT_BYTES);
  if (item.kind === 'download') {
    const downloaded = await item.download({ maxBytes: MAX_ATTACHMENT_BYTES, signal });
    return { bytes: downloaded.bytes, contentType: item.contentType ?? downloaded.contentType };
  }
  const fetched = await fetchRemote(item.url, { maxBytes: MAX_ATTACHMENT_BYTES, signal, headersFor: item.headersFor });
  // The channel's claim is kept when the server only says "some bytes".
  const served = fetched.contentType?.split(';')[0]?.trim().toLowerCase();
  return { bytes: fetched.bytes, contentType: served && served !== 'application/octet-stream' ? fetched.contentType : item.contentType };
}

/** An upload of this conversation that no activity has claimed yet. */
async function claimableUpload(conversationId: string, item: { attachmentId: string }, db: Db): Promise<string> {
  const upload = await db.attachment.findFirst({
    where: { id: item.attachmentId, conversationId, activityId: null, thumbnailOfId: null },
    select: { id: true },
  });
  if (!upload) throw new FetchRefused('no such upload in this conversation');
  return upload.id;
}

/** The file's name: the channel's, else the link's last segment when it looks like a file name (`…/views/original` does not). */
function nameOf(item: InboundMedia): string | null {
  if (item.name) return item.name;
  if (item.kind !== 'url') return null;
  try {
    const last = decodeURIComponent(new URL(item.url).pathname.split('/').filter(Boolean).pop() ?? '');
    return /\.\w{1,8}$/.test(last) ? last : null;
  } catch {
    return null;
  }
}

function failureReason(error: unknown): string {
  if (error instanceof FetchRefused) return error.message;
  if (error instanceof AppError) return error.message;
  throw error;
}

/** Removes files stored for an activity that was not stored after all (a replay, or a failure). */
export async function discardFetched(ids: string[], db: Db = defaultDb()): Promise<void> {
  if (ids.length > 0) await db.attachment.deleteMany({ where: { id: { in: ids }, activityId: null } });
}
