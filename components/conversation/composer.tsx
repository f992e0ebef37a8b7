'use client';

import { useState, type FormEvent, type KeyboardEvent } from 'react';
import type { AgentView } from '@/lib/views/types';
import { useSendMessage } from '../api/send-message';

export function Composer({ conversationId, agent }: { conversationId: string; agent: AgentView }) {
  const [text, setText] = useState('');
  const send = useSendMessage();

  function submit(event?: FormEvent) {
    event?.preventDefault();
    const message = text.trim();
    if (!message) return;
    send.mutate({ conversationId, text: message, clientId: crypto.randomUUID(), agentId: agent.id, agentName: agent.displayName });
    setText('');
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) submit(event);
  }

  return (
    <form onSubmit={submit} className="flex gap-2 border-t border-slate-200 bg-white p-3">
      <textarea
        aria-label="Message"
        rows={2}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
        placeholder="Type a reply — Enter sends, Shift+Enter adds a line"
        className="min-w-0 flex-1 resize-none rounded border border-slate-300 px-3 py-2"
      />
      <button type="submit" className="self-end rounded bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-700">
        Send
      </button>
    </form>
  );
}
