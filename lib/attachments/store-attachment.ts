import { createHash } from 'node:crypto';
import { db as defaultDb, type Db } from '../db/client';
import { badRequest, notFound, tooLarge } from '../errors/app-error';
import { MAX_UPLOAD_BYTES } from '../shared/upload-limits';

/** Also enforced by the Attachment_size_cap CHECK constraint. */
export const MAX_ATTACHMENT_BYTES = MAX_UPLOAD_BYTES;

export interface StoredAttachment {
  id: string;
  name: string | null;
  contentType: string;
  size: number;
}

/** A file name safe to store and to send in headers: no paths, no control characters, bounded. */
export function cleanFileName(name: string | null | undefined): string | null {
  if (!name) return null;
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim().slice(0, 200);
  return cleaned || null;
}

export async function storeAttachment(
  input: { conversationId: string; bytes: Buffer; contentType: string; name?: string | null },
  db: Db = defaultDb(),
): Promise<StoredAttachment> {
  if (input.bytes.length === 0) throw badRequest('EmptyFile', 'The file is empty.');
  if (input.bytes.length > MAX_ATTACHMENT_BYTES) throw tooLarge(`Files are limited to ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB.`, 'FileTooLarge');
  const conversation = await db.conversation.findUnique({ where: { id: input.conversationId }, select: { id: true } });
  if (!conversation) throw notFound('Conversation not found.');
  const row = await db.attachment.create({
    data: {
      conversationId: conversation.id,
      contentType: input.contentType.slice(0, 255),
      name: cleanFileName(input.name),
      size: input.bytes.length,
      sha256: createHash('sha256').update(input.bytes).digest('hex'),
      bytes: new Uint8Array(input.bytes),
    },
    select: { id: true, name: true, contentType: true, size: true },
  });
  return row;
}

/** Browsers may show these inline; everything else downloads. */
export function isInlineImage(contentType: string): boolean {
  return /^image\/(png|jpeg|gif|webp)$/i.test(contentType);
}
