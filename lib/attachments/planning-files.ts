// The files a rep attached to a message, as a channel's rules need to see them before sending.
import type { Tx } from '../db/client';

export async function planningFiles(tx: Tx, conversationId: string, attachmentIds: string[], options: { bytes: true }): Promise<{ name: string | null; contentType: string; size: number; bytes: Uint8Array }[]>;
export async function planningFiles(tx: Tx, conversationId: string, attachmentIds: string[]): Promise<{ name: string | null; contentType: string; size: number }[]>;
export async function planningFiles(tx: Tx, conversationId: string, attachmentIds: string[], options?: { bytes: true }) {
  if (attachmentIds.length === 0) return [];
  return tx.attachment.findMany({
    where: { id: { in: attachmentIds }, conversationId },
    select: { name: true, contentType: true, size: true, ...(options?.bytes && { bytes: true }) },
  });
}
