import type { IncomingMessage } from 'node:http';
import { tooLarge } from '../errors/app-error';

const refuse = (maxBytes: number) => tooLarge(`The body is larger than ${maxBytes} bytes.`);

/** Reads the body, refusing more than `maxBytes` (413) without buffering past the limit. */
export async function readBytes(request: Request, maxBytes: number): Promise<Buffer> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > maxBytes) throw refuse(maxBytes);
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await discardRest(reader);
      throw refuse(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/**
 * Past the limit the rest of the body is read and dropped, up to this much: Next.js destroys a body
 * whose reader is cancelled, and with it the keep-alive connection the client's next request uses.
 */
const DISCARD_AT_MOST = 16 * 1024 * 1024;

async function discardRest(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<void> {
  for (let discarded = 0; discarded <= DISCARD_AT_MOST; ) {
    const { done, value } = await reader.read();
    if (done) return;
    discarded += value.byteLength;
  }
  await reader.cancel().catch(() => {});
}

/**
 * `readBytes` of a Node request. What is left unread (after a 413) is the caller's to drain: the
 * client, still sending, would otherwise never read the answer.
 */
export function readNodeBytes(request: IncomingMessage, maxBytes: number): Promise<Buffer> {
  if (Number(request.headers['content-length'] ?? '0') > maxBytes) return Promise.reject(refuse(maxBytes));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = () => {
      request.off('data', onData).off('end', onEnd).off('error', reject).off('close', onClose);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) return void chunks.push(chunk);
      stop();
      reject(refuse(maxBytes));
    };
    const onEnd = () => {
      stop();
      resolve(Buffer.concat(chunks, size));
    };
    const onClose = () => {
      stop();
      reject(new Error('The client closed the connection before sending the whole body.'));
    };
    request.on('data', onData).once('end', onEnd).once('error', reject).once('close', onClose);
  });
}
