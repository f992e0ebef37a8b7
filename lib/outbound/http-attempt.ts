import type { AttemptOutcome } from './retry-policy';

/** One POST/PUT/DELETE to a channel, bounded by a timeout; never throws. */
export async function httpAttempt(input: {
  method?: string;
  url: string;
  headers: Record<string, string>;
  body?: unknown;
  timeoutMs: number;
}): Promise<AttemptOutcome> {
  try {
    const response = await fetch(input.url, {
      method: input.method ?? 'POST',
      headers: { ...(input.body === undefined ? {} : { 'Content-Type': 'application/json' }), ...input.headers },
      body: input.body === undefined ? undefined : JSON.stringify(input.body),
      signal: AbortSignal.timeout(input.timeoutMs),
      redirect: 'error',
    });
    // Read the answer so the connection can be reused; keep it when it is JSON.
    const text = await response.text().catch(() => '');
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = undefined;
    }
    const errorCode = (body as { error?: { code?: unknown } } | undefined)?.error?.code;
    return {
      kind: 'answered',
      status: response.status,
      retryAfter: response.headers.get('retry-after'),
      body,
      errorCode: typeof errorCode === 'string' ? errorCode : null,
    };
  } catch (error) {
    if (error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError')) return { kind: 'timeout' };
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return { kind: 'network', message: cause?.code ?? cause?.message ?? (error as Error).message };
  }
}
