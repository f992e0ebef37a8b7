// A delivery's files as signed, expiring links the channel fetches.
import { signedAttachmentUrl } from '../attachments/signed-url';
import type { AttachmentRef } from './adapter';

export interface SignedFile {
  contentType: string;
  contentUrl: string;
  name: string | null;
}

export function signedFiles(attachments: AttachmentRef[]): Promise<SignedFile[]> {
  return Promise.all(
    attachments.map(async (attachment) => ({
      contentType: attachment.contentType,
      contentUrl: await signedAttachmentUrl(attachment.id),
      name: attachment.name,
    })),
  );
}
