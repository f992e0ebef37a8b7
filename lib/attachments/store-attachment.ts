import { createHash } from 'node:crypto';
import { db as defaultDb, type Db } from '../db/client';
import { badRequest, notFound, tooLarge } from '../errors/app-error';
import { MAX_UPLOAD_BYTES } from '../shared/upload-limits';
import type { AttachmentView } from '../protocol/console';
import { contentTypeOf } from './content-type';

/** Also enforced by the Attachment_size_cap CHECK constraint. */
export const MAX_ATTACHMENT_BYTES = MAX_UPLOAD_BYTES;

const MAX_NAME_LENGTH = 200;
/** Control characters (C0, C1), bidirectional overrides and isolates, zero-width marks. */
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;
/** Characters no file system accepts in a name, and quotes that would end a header parameter. */
const RESERVED = /[<>:"|?*]/g;

/**
 * A file name safe to store, show and send in headers: the last path segment only, no control or
 * direction-changing characters, no leading dots, at most 200 characters (never half a surrogate pair).
 */
export function cleanFileName(name: string | null | undefined): string | null {
  if (!name) return null;
  const base = name.normalize('NFC').replace(INVISIBLE, '').split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(RESERVED, '_').replace(/^[.\s]+/, '').trim();
  const bounded = Array.from(cleaned).slice(0, MAX_NAME_LENGTH).join('').trim();
  return bounded || null;
}

/** The name a header carried percent-encoded (`X-File-Name`); malformed encodings are taken as they are. */
export function fileNameFromHeader(header: string | null): string | null {
  if (!header) return null;
  try {
    return cleanFileName(decodeURIComponent(header));
  } catch {
    return cleanFileName(header);
  }
}

export async function storeAttachment(
  input: { conversationId: string; bytes: Buffer; contentType: string; name?: string | null },
  db: Db = defaultDb(),
): Promise<AttachmentView> {
  if (input.bytes.length === 0) throw badRequest('EmptyFile', 'The file is empty.');
  if (input.bytes.length > MAX_ATTACHMENT_BYTES) throw tooLarge(`Files are limited to ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB.`, 'FileTooLarge');
  const conversation = await db.conversation.findUnique({ where: { id: input.conversationId }, select: { id: true } });
  if (!conversation) throw notFound('Conversation not found.');
  const row = await db.attachment.create({
    data: {
      conversationId: conversation.id,
      contentType: await contentTypeOf(input.bytes, input.contentType),
      name: cleanFileName(input.name),
      size: input.bytes.length,
      sha256: createHash('sha256').update(input.bytes).digest('hex'),
      bytes: new Uint8Array(input.bytes),
    },
    select: { id: true, name: true, contentType: true, size: true },
  });
  return row;
}

