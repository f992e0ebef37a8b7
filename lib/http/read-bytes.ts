import type { IncomingMessage } from 'node:http';
import { tooLarge } from '../errors/app-error';

/**
 * Past a limit the rest of a body is read and dropped, up to this much and this long, before the
 * answer: a client still sending when the connection closes under it (Node's fetch, curl, .NET)
 * fails with EPIPE or a reset instead of reading the 413. Beyond the bound the connection closes.
 */
export const DRAIN_AT_MOST = { bytes: 16 * 1024 * 1024, ms: 5000 };

const refuse = (maxBytes: number) => tooLarge(`The body is larger than ${maxBytes} bytes.`);

/** Reads the body, refusing more than `maxBytes` (413) without buffering past the limit. */
export async function readBytes(request: Request, maxBytes: number): Promise<Buffer> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > maxBytes) {
    if (request.body) await discardRest(request.body.getReader());
    throw refuse(maxBytes);
  }
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

/** Next.js destroys a body whose reader is cancelled, and with it the connection: only past the bound. */
async function discardRest(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<void> {
  const deadline = Date.now() + DRAIN_AT_MOST.ms;
  for (let discarded = 0; discarded <= DRAIN_AT_MOST.bytes; ) {
    const result = await readBefore(reader, deadline);
    if (result === null) break;
    if (result.done) return;
    discarded += result.value.byteLength;
  }
  await reader.cancel().catch(() => {});
}

async function readBefore(reader: ReadableStreamDefaultReader<Uint8Array>, deadline: number): Promise<ReadableStreamReadResult<Uint8Array> | null> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), Math.max(0, deadline - Date.now()))));
  try {
    return await Promise.race([reader.read(), late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Reads and drops what is left of a Node request, within `DRAIN_AT_MOST`; true when it all came. */
export function drainNodeRequest(request: IncomingMessage): Promise<boolean> {
  if (request.complete) return Promise.resolve(true);
  if (request.destroyed) return Promise.resolve(false);
  return new Promise((resolve) => {
    let drained = 0;
    const finish = (whole: boolean) => {
      clearTimeout(timer);
      request.off('data', onData).off('end', onEnd).off('close', onClose).off('error', onClose);
      if (!whole) request.pause();
      resolve(whole);
    };
    const onData = (chunk: Buffer) => {
      drained += chunk.length;
      if (drained > DRAIN_AT_MOST.bytes) finish(false);
    };
    const onEnd = () => finish(true);
    const onClose = () => finish(request.complete);
    const timer = setTimeout(() => finish(false), DRAIN_AT_MOST.ms);
    request.on('data', onData).once('end', onEnd).once('close', onClose).once('error', onClose);
    request.resume();
  });
}

/**
 * `readBytes` of a Node request. Past the limit the rest is drained (within `DRAIN_AT_MOST`) before
 * the 413, as `readBytes` does.
 */
export async function readNodeBytes(request: IncomingMessage, maxBytes: number): Promise<Buffer> {
  if (Number(request.headers['content-length'] ?? '0') > maxBytes) {
    await drainNodeRequest(request);
    throw refuse(maxBytes);
  }
  const body = await readNodeBody(request, maxBytes);
  if (body === null) {
    await drainNodeRequest(request);
    throw refuse(maxBytes);
  }
  return body;
}

/** The body, or null as soon as it passes `maxBytes`. */
function readNodeBody(request: IncomingMessage, maxBytes: number): Promise<Buffer | null> {
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
      request.pause();
      resolve(null);
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
