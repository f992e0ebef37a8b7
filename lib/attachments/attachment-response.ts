import { create as contentDisposition } from 'content-disposition';
import { db } from '../db/client';
import { notFound } from '../errors/app-error';
import { isInlineImage, sniffedType } from './content-type';

/**
 * The stored file as an HTTP answer. Only a raster image whose bytes confirm its type is shown
 * inline; everything else downloads. The browser never guesses a type (`nosniff`), and a file
 * opened anyway renders sandboxed: no script, no same-origin access.
 */
export async function attachmentResponse(id: string): Promise<Response> {
  const file = await db().attachment.findUnique({ where: { id } });
  if (!file) throw notFound('File not found.');
  const inline = isInlineImage(file.contentType) && (await sniffedType(file.bytes)) === file.contentType;
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      'Content-Type': file.contentType,
      'Content-Length': String(file.size),
      'Content-Disposition': contentDisposition(file.name ?? 'file', { type: inline ? 'inline' : 'attachment' }),
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': 'sandbox',
      'Cache-Control': 'private, max-age=3600',
      ETag: `"${file.sha256}"`,
    },
  });
}
