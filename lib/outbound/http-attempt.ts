// One POST/PUT/DELETE to a channel through undici's `request` on a shared keep-alive agent: a worker
// sends hundreds a second, and `fetch`'s Request/Response/stream machinery cost more CPU than the send.
import { Agent, request } from 'undici';
import type { AttemptOutcome } from './retry-policy';

const agent = new Agent({ keepAliveTimeout: 30_000 });

/** One attempt, bounded by a timeout; never throws. Redirects are not followed (a 3xx is an answer). */
export async function httpAttempt(input: {
  method?: 'POST' | 'PUT' | 'DELETE';
  url: string;
  headers: Record<string, string>;
  body?: unknown;
  timeoutMs: number;
}): Promise<AttemptOutcome> {
  const signal = AbortSignal.timeout(input.timeoutMs);
  try {
    const response = await request(input.url, {
      dispatcher: agent,
      method: input.method ?? 'POST',
      headers: { ...(input.body === undefined ? {} : { 'content-type': 'application/json' }), ...input.headers },
      body: input.body === undefined ? undefined : JSON.stringify(input.body),
      signal,
    });
    // Read the answer so the connection can be reused; keep it when it is JSON.
    const text = await response.body.text().catch(() => '');
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = undefined;
    }
    const errorCode = (body as { error?: { code?: unknown } } | undefined)?.error?.code;
    const retryAfter = response.headers['retry-after'];
    return {
      kind: 'answered',
      status: response.statusCode,
      retryAfter: Array.isArray(retryAfter) ? retryAfter[0] : (retryAfter ?? null),
      body,
      errorCode: typeof errorCode === 'string' ? errorCode : null,
    };
  } catch (error) {
    if (signal.aborted) return { kind: 'timeout' };
    const failure = error as { code?: string; message?: string; cause?: { code?: string } };
    return { kind: 'network', message: failure.code ?? failure.cause?.code ?? failure.message ?? String(error) };
  }
}
