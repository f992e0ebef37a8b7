// Fetching a file a customer's channel names by URL, bounded: http(s) only, a size cap, a deadline,
// at most a few redirects (followed by hand, each target checked again), and never a private,
// loopback or link-local address unless MEDIA_FETCH_ALLOW_PRIVATE lists it. The address check runs
// on the address actually connected to (in the socket's DNS lookup), so a name that resolves to an
// internal address, or changes its answer between two lookups, gets nowhere.
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { BlockList, isIP } from 'node:net';
import { Agent, request } from 'undici';
import { env } from '../config/env';

/** Why a file could not be fetched, in words a rep can read. */
export class FetchRefused extends Error {
  readonly code = 'EMEDIAREFUSED';
}

export interface FetchRemoteOptions {
  maxBytes: number;
  signal: AbortSignal;
  /** Request headers for a URL: asked again after each redirect (a token must not follow a redirect elsewhere). */
  headersFor?: (url: URL) => Promise<Record<string, string>> | Record<string, string>;
}

export interface FetchedFile {
  bytes: Buffer;
  contentType: string | null;
}

const MAX_REDIRECTS = 3;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

const PRIVATE_V4 = ['0.0.0.0/8', '10.0.0.0/8', '100.64.0.0/10', '127.0.0.0/8', '169.254.0.0/16', '172.16.0.0/12', '192.0.0.0/24', '192.168.0.0/16', '198.18.0.0/15', '224.0.0.0/4', '240.0.0.0/4'];
const PRIVATE_V6 = ['::/127', 'fc00::/7', 'fe80::/10', 'ff00::/8', '64:ff9b::/96', '2001:db8::/32'];

const blocked = new BlockList();
for (const range of PRIVATE_V4) blocked.addSubnet(range.split('/')[0]!, Number(range.split('/')[1]), 'ipv4');
for (const range of PRIVATE_V6) blocked.addSubnet(range.split('/')[0]!, Number(range.split('/')[1]), 'ipv6');

let allowed: { source: string[]; list: BlockList } | null = null;

/** MEDIA_FETCH_ALLOW_PRIVATE as a BlockList (built again only when the setting changes). */
function allowList(): BlockList {
  const source = env().MEDIA_FETCH_ALLOW_PRIVATE;
  if (allowed?.source === source) return allowed.list;
  const list = new BlockList();
  for (const entry of source) {
    const [address, bits] = entry.split('/');
    const family = isIP(address ?? '') === 6 ? 'ipv6' : 'ipv4';
    if (bits) list.addSubnet(address!, Number(bits), family);
    else list.addAddress(address!, family);
  }
  allowed = { source, list };
  return list;
}

/** Whether the fetcher may connect to `address` (an IPv4-mapped IPv6 address counts as its IPv4 one). */
export function mayConnectTo(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  const ip = mapped ?? address;
  const family = isIP(ip) === 6 ? 'ipv6' : 'ipv4';
  return !blocked.check(ip, family) || allowList().check(ip, family);
}

function guardedLookup(
  hostname: string,
  options: LookupOptions,
  callback: (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
): void {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    const refused = addresses.find((entry) => !mayConnectTo(entry.address));
    if (refused) return callback(new FetchRefused(`${hostname} is a private address`), []);
    if (options.all) return callback(null, addresses);
    callback(null, addresses[0]!.address, addresses[0]!.family);
  });
}

const agent = new Agent({ connect: { lookup: guardedLookup as never, timeout: 5_000 }, connections: 16 });

function checkTarget(url: URL): void {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FetchRefused(`${url.protocol.replace(':', '')} links are not fetched`);
  // A literal address is connected to without a lookup: check it here.
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) && !mayConnectTo(host)) throw new FetchRefused(`${host} is a private address`);
}

/** The reason a rep reads for an error thrown while fetching. */
function reasonOf(error: unknown, signal: AbortSignal): string {
  if (signal.aborted) return 'it took too long';
  const seen = new Set<unknown>();
  for (let cause: unknown = error; cause && !seen.has(cause); cause = (cause as { cause?: unknown }).cause) {
    seen.add(cause);
    if (cause instanceof FetchRefused || (cause as { code?: string }).code === 'EMEDIAREFUSED') return (cause as Error).message;
  }
  const code = (error as { code?: string }).code;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'the host was not found';
  if (code === 'ECONNREFUSED') return 'the host refused the connection';
  if (code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') return 'it took too long';
  return 'the connection failed';
}

export function fetchRemote(url: string, options: FetchRemoteOptions): Promise<FetchedFile> {
  return withOwnSignal(options.signal, (signal) => fetchFollowing(url, { ...options, signal }));
}

/**
 * Runs `work` with a signal of its own that follows `deadline` until the work is done. The deadline
 * is shared by an activity's files and outlives each fetch; firing later on a finished body would
 * raise an error event nobody listens to any more.
 */
export async function withOwnSignal<T>(deadline: AbortSignal, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const own = new AbortController();
  const abort = () => own.abort(deadline.reason);
  if (deadline.aborted) abort();
  else deadline.addEventListener('abort', abort, { once: true });
  try {
    return await work(own.signal);
  } finally {
    deadline.removeEventListener('abort', abort);
  }
}

async function fetchFollowing(url: string, options: FetchRemoteOptions): Promise<FetchedFile> {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    throw new FetchRefused('the link is not a valid URL');
  }
  for (let redirects = 0; ; redirects++) {
    checkTarget(target);
    const headers = (await options.headersFor?.(target)) ?? {};
    let response: Awaited<ReturnType<typeof request>>;
    try {
      response = await request(target, { method: 'GET', headers, dispatcher: agent, signal: options.signal });
    } catch (error) {
      throw new FetchRefused(reasonOf(error, options.signal));
    }
    const { statusCode, body } = response;
    body.on('error', () => {}); // what fails while reading is handled where it is read
    if (REDIRECTS.has(statusCode)) {
      body.destroy();
      const location = response.headers.location;
      if (typeof location !== 'string') throw new FetchRefused(`the server answered ${statusCode} without a location`);
      if (redirects >= MAX_REDIRECTS) throw new FetchRefused('it redirected too many times');
      target = new URL(location, target);
      continue;
    }
    if (statusCode < 200 || statusCode > 299) {
      body.destroy();
      throw new FetchRefused(`the server answered ${statusCode}`);
    }
    const declared = Number(response.headers['content-length'] ?? NaN);
    if (declared > options.maxBytes) {
      body.destroy();
      throw new FetchRefused(`it is larger than ${megabytes(options.maxBytes)}`);
    }
    const bytes = await readBounded(body, options);
    const type = response.headers['content-type'];
    return { bytes, contentType: typeof type === 'string' ? type : null };
  }
}

/** Reads a body to its end, refusing it past `maxBytes`; what fails while reading becomes a FetchRefused. */
export async function readBounded(body: AsyncIterable<Buffer> & { destroy(): void }, options: Pick<FetchRemoteOptions, 'maxBytes' | 'signal'>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of body) {
      size += chunk.length;
      if (size > options.maxBytes) {
        body.destroy();
        throw new FetchRefused(`it is larger than ${megabytes(options.maxBytes)}`);
      }
      chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof FetchRefused) throw error;
    throw new FetchRefused(reasonOf(error, options.signal));
  }
  return Buffer.concat(chunks);
}

const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
