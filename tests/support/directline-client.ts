// The official botframework-directlinejs client, running in Node: its HTTP goes through fetch
// (instead of the browser's XMLHttpRequest) and its stream through the `ws` package.
import { DirectLine } from 'botframework-directlinejs';
import { Observable } from 'rxjs/Observable';
import WebSocket from 'ws';

interface AjaxRequest {
  method?: string;
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
  responseType?: string;
}

function fetchAjax(request: AjaxRequest) {
  return Observable.create((subscriber: { next(value: unknown): void; error(error: unknown): void; complete(): void }) => {
    const headers = { ...request.headers };
    let body: BodyInit | undefined;
    if (request.body instanceof FormData || typeof request.body === 'string') body = request.body;
    else if (request.body !== undefined) {
      body = JSON.stringify(request.body);
      headers['Content-Type'] ??= 'application/json';
    }
    fetch(request.url, { method: request.method ?? 'GET', headers, body })
      .then(async (response) => {
        const xhr = { getResponseHeader: (name: string) => response.headers.get(name) };
        const payload =
          request.responseType === 'arraybuffer' ? await response.arrayBuffer() : await response.text().then((text) => (text ? JSON.parse(text) : null));
        if (response.ok) {
          subscriber.next({ response: payload, status: response.status, xhr });
          subscriber.complete();
        } else subscriber.error({ status: response.status, response: payload, xhr, message: `HTTP ${response.status}` });
      })
      .catch((error: unknown) => subscriber.error({ status: 0, message: String(error), xhr: { getResponseHeader: () => null } }));
  });
}

export function officialDirectLine(options: { domain: string; token?: string; secret?: string; conversationId?: string; watermark?: string; streamUrl?: string }) {
  // directlinejs decides whether to stream by looking for a global WebSocket (Node 20 has none).
  (globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket;
  return new DirectLine({ ...options, webSocket: true, pollingInterval: 1000, ajax: fetchAjax, WebSocket } as unknown as ConstructorParameters<typeof DirectLine>[0]);
}
