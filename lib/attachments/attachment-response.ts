import { db } from '../db/client';
import { notFound } from '../errors/app-error';
import { isInlineImage } from './store-attachment';

/** The stored file as an HTTP answer: images inline, everything else as a download. */
export async function attachmentResponse(id: string): Promise<Response> {
  const file = await db().attachment.findUnique({ where: { id } });
  if (!file) throw notFound('File not found.');
  const name = file.name ?? 'file';
  const disposition = isInlineImage(file.contentType) ? 'inline' : 'attachment';
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      'Content-Type': file.contentType,
      'Content-Length': String(file.size),
      'Content-Disposition': `${disposition}; filename*=UTF-8''${encodeURIComponent(name)}`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, max-age=3600',
      ETag: `"${file.sha256}"`,
    },
  });
}
