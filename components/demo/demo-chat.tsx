'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useSearchParams } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';

interface WebChatGlobal {
  createDirectLine(options: { token: string; domain: string; webSocket?: boolean }): unknown;
  renderWebChat(props: Record<string, unknown>, element: HTMLElement): void;
}

function loadWebChat(failed: string): Promise<WebChatGlobal> {
  const existing = (window as { WebChat?: WebChatGlobal }).WebChat;
  if (existing) return Promise.resolve(existing);
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = '/vendor/webchat.js';
    script.async = true;
    script.onload = () => resolve((window as { WebChat?: WebChatGlobal }).WebChat!);
    script.onerror = () => reject(new Error(failed));
    document.head.appendChild(script);
  });
}

export function DemoChat() {
  const host = useRef<HTMLDivElement>(null);
  const started = useRef(false);
  const name = useSearchParams().get('name') ?? undefined;
  const [error, setError] = useState<string | null>(null);
  const t = useTranslations('demo');
  const locale = useLocale();
  const failed = t('loadFailed');
  const unavailable = t('unavailable');

  useEffect(() => {
    if (started.current || !host.current) return;
    started.current = true;
    const element = host.current;
    (async () => {
      const [webChat, response] = await Promise.all([
        loadWebChat(failed),
        fetch('/api/demo/token', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(name ? { name } : {}) }),
      ]);
      if (!response.ok) throw new Error(unavailable);
      const { token, userId, userName } = (await response.json()) as { token: string; userId: string; userName: string };
      webChat.renderWebChat(
        {
          directLine: webChat.createDirectLine({ token, domain: `${window.location.origin}/v3/directline`, webSocket: true }),
          userID: userId,
          username: userName,
          locale: locale === 'zh-CN' ? 'zh-CN' : 'en-US',
          sendTypingIndicator: true,
        },
        element,
      );
    })().catch((caught: Error) => setError(caught.message));
  }, [name, failed, unavailable, locale]);

  return (
    <>
      {error && <p role="alert" className="text-red-700">{error}</p>}
      <div ref={host} className="min-h-0 flex-1 rounded border border-slate-200 bg-white" />
    </>
  );
}
