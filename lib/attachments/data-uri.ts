// `data:` URIs (RFC 2397) as Direct Line clients send small files inline.
import { FetchRefused } from './fetch-remote';

const DATA_URI = /^data:([^,]*?),/i;

export function isDataUri(value: string | null | undefined): value is string {
  return typeof value === 'string' && /^data:/i.test(value);
}

/** The bytes and claimed type of a data URI, refusing a malformed one or more than `maxBytes`. */
export function decodeDataUri(uri: string, maxBytes: number): { bytes: Buffer; contentType: string | null } {
  const header = DATA_URI.exec(uri);
  if (!header) throw new FetchRefused('the data URI is malformed');
  const parameters = header[1]!.split(';');
  const base64 = parameters.at(-1)?.toLowerCase() === 'base64';
  const payload = uri.slice(header[0].length);
  // Base64 takes 4 characters for 3 bytes: refuse before decoding anything too large.
  if ((base64 ? Math.floor((payload.length * 3) / 4) - 2 : payload.length / 3) > maxBytes) throw new FetchRefused(`it is larger than ${maxBytes / 1024 / 1024} MB`);
  let bytes: Buffer;
  if (base64) {
    if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(payload)) throw new FetchRefused('the data URI is not valid base64');
    bytes = Buffer.from(payload, 'base64');
  } else {
    try {
      bytes = Buffer.from(decodeURIComponent(payload), 'utf8');
    } catch {
      throw new FetchRefused('the data URI is malformed');
    }
  }
  if (bytes.length > maxBytes) throw new FetchRefused(`it is larger than ${maxBytes / 1024 / 1024} MB`);
  return { bytes, contentType: parameters[0] || null };
}
