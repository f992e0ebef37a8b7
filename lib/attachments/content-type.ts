// What a stored file really is: the type its bytes show (file-type), not what the sender claims.
import { fileTypeFromBuffer } from 'file-type';
import { isAllowedUploadType } from './allowed-types';

const OCTET_STREAM = 'application/octet-stream';
/** Text formats have no signature: the claim stands for these, and only these. */
const TEXT_CLAIMS = /^(text\/(plain|csv)|application\/json)$/;
/** Containers file-type names generically, whose precise claim we may keep. */
const CONTAINERS: Record<string, RegExp> = {
  'application/x-cfb': /^application\/(msword|vnd\.ms-excel|vnd\.ms-powerpoint)$/,
  'application/zip': /^application\/vnd\.openxmlformats-officedocument\./,
};
/** Pictures browsers may show inline: raster formats only (never SVG, which can carry script). */
const INLINE_IMAGE = /^image\/(png|jpeg|gif|webp)$/;

/** file-type reads at most this many bytes from the start. */
const SNIFF_BYTES = 4100;

export async function sniffedType(bytes: Uint8Array): Promise<string | null> {
  return (await fileTypeFromBuffer(bytes.subarray(0, SNIFF_BYTES)))?.mime ?? null;
}

/**
 * The content type to store for `bytes` claimed to be `claimed`: the sniffed type when the bytes
 * are recognisable and of a kind we accept; the claim for signature-less text formats;
 * `application/octet-stream` for everything else (an executable calling itself image/png, SVG, HTML).
 */
export async function contentTypeOf(bytes: Uint8Array, claimed: string): Promise<string> {
  const claim = claimed.split(';')[0]!.trim().toLowerCase();
  const sniffed = await sniffedType(bytes);
  if (sniffed) {
    if (CONTAINERS[sniffed]?.test(claim)) return claim;
    return isAllowedUploadType(sniffed) ? sniffed : OCTET_STREAM;
  }
  return TEXT_CLAIMS.test(claim) ? claim : OCTET_STREAM;
}

/** Browsers may show these inline; everything else downloads. */
export function isInlineImage(contentType: string): boolean {
  return INLINE_IMAGE.test(contentType);
}
