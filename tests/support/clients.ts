// Small HTTP clients for the console's own APIs, used by integration and end-to-end tests.
import { checkResponse, endpointFor } from '@/lib/protocol/console';
import { baseUrl, TEST_DIRECTLINE_SECRET } from './test-env';

export interface DirectLineStart {
  conversationId: string;
  token: string;
  expires_in: number;
  streamUrl: string;
}

export async function directLine(path: string, init: { method?: string; auth?: string | null; body?: unknown; rawBody?: string } = {}) {
  const headers: Record<string, string> = {};
  const auth = init.auth === undefined ? TEST_DIRECTLINE_SECRET : init.auth;
  if (auth !== null) headers.Authorization = `Bearer ${auth}`;
  const body = init.rawBody ?? (init.body === undefined ? undefined : JSON.stringify(init.body));
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(`${baseUrl()}/v3/directline${path}`, { method: init.method ?? 'GET', headers, body });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

export async function startDirectLine(user?: { id: string; name?: string }): Promise<DirectLineStart> {
  const response = await directLine('/conversations', { method: 'POST', body: user ? { user } : {} });
  if (response.status !== 201) throw new Error(`start failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as DirectLineStart;
}

export async function customerSays(start: DirectLineStart, text: string, from = { id: 'customer-1', name: 'Customer' }) {
  const response = await directLine(`/conversations/${start.conversationId}/activities`, {
    method: 'POST',
    auth: start.token,
    body: { type: 'message', from, text, channelData: { clientActivityID: `c-${Math.random().toString(36).slice(2)}` } },
  });
  if (response.status !== 200) throw new Error(`send failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as { id: string };
}

/** A signed-in rep: keeps the session cookie like a browser would. */
export class ConsoleClient {
  private cookie = '';
  private base: string | null = null;

  /** The same signed-in rep, calling another instance of the app (sessions live in the database). */
  on(base: string): ConsoleClient {
    const other = new ConsoleClient();
    other.cookie = this.cookie;
    other.base = base;
    return other;
  }

  url(path: string): string {
    return `${this.base ?? baseUrl()}${path}`;
  }

  static async signIn(email: string, password = 'demo-password'): Promise<ConsoleClient> {
    const client = new ConsoleClient();
    const response = await client.call('POST', '/api/console/auth/sign-in', { email, password });
    if (response.status !== 200) throw new Error(`sign-in failed: ${response.status}`);
    return client;
  }

  async call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const response = await fetch(this.url(path), {
      method,
      headers: {
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...(this.cookie ? { Cookie: this.cookie } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const setCookie = response.headers.getSetCookie();
    if (setCookie.length) this.cookie = setCookie.map((c) => c.split(';')[0]).join('; ');
    const text = await response.text();
    const parsed = text ? JSON.parse(text) : null;
    // Every answer a test sees is checked against the console contract, as the browser checks it in development.
    const endpoint = endpointFor(method, path);
    if (response.ok && endpoint && response.headers.get('content-type')?.startsWith('application/json')) checkResponse(endpoint, parsed);
    return { status: response.status, body: parsed, headers: response.headers };
  }

  cookieHeader(): string {
    return this.cookie;
  }
}
