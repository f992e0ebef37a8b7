'use client';

import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { streamedEventSchema, streamReadySchema } from '@/lib/protocol/console';
import type { ConsoleEvent, ConversationPage, ConversationSummary, DirectoryView, OfferView, StreamedEvent, TranscriptPage } from '@/lib/views/types';
import { mergeAgentStatus } from '../api/directory';
import { consoleMessage } from '../api/fetch-json';
import { mergeOffer } from '../api/offers';
import { belongsTo, newer } from '../api/conversations';
import { forgetConversation } from '../api/conversation';
import { queryKeys, type ConversationListKey } from '../api/query-keys';
import { mergeActivity } from '../api/transcript';
import type { TypingState } from '../conversation/typing-indicator';

export type StreamStatus = 'connecting' | 'live' | 'reconnecting' | 'reconnected';

/** One handler per event type, each updating the React Query cache. */
const handlers: {
  [Type in ConsoleEvent['type']]: (client: QueryClient, event: Extract<ConsoleEvent, { type: Type }>, agentId: string) => void;
} = {
  'conversation.updated': (client, event, agentId) => applyConversation(client, event.conversation, agentId),
  'activity.created': (client, event, agentId) => {
    if (event.activity.author === 'customer') client.setQueryData(queryKeys.typing(event.conversationId), null);
    client.setQueryData<TranscriptPage>(queryKeys.transcript(event.conversationId), (page) =>
      mergeActivity(page, event.activity),
    );
    applyConversation(client, event.conversation, agentId);
    // The customer panel lists the episodes' ratings.
    if (event.activity.surveyAnswer) void client.invalidateQueries({ queryKey: queryKeys.customer(event.conversationId) });
  },
  'activity.updated': (client, event) => {
    client.setQueryData<TranscriptPage>(queryKeys.transcript(event.conversationId), (page) =>
      mergeActivity(page, event.activity),
    );
    if (event.activity.deliveryState === 'failed') void client.invalidateQueries({ queryKey: queryKeys.failedDeliveries });
  },
  'offer.updated': (client, event, agentId) =>
    client.setQueryData<OfferView[]>(queryKeys.offers, (list) => mergeOffer(list, event.offer, agentId)),
  'agent.updated': (client, event) =>
    client.setQueryData<DirectoryView>(queryKeys.directory, (directory) => mergeAgentStatus(directory, event.agent)),
  'sla.alert': (client, event, agentId) => applyConversation(client, event.conversation, agentId),
  'conversation.erased': (client, event) => forgetConversation(client, event.erasedConversationId),
  typing: (client, event) => {
    if (event.author === 'customer') client.setQueryData<TypingState>(queryKeys.typing(event.conversationId), { name: event.name, at: Date.now() });
  },
};

function applyConversation(client: QueryClient, conversation: ConversationSummary, agentId: string) {
  client.setQueryData<ConversationSummary>(queryKeys.conversation(conversation.id), (current) =>
    !current || current.version <= conversation.version ? conversation : current,
  );
  for (const [key, page] of client.getQueriesData<ConversationPage>({ queryKey: queryKeys.conversationLists })) {
    if (!page) continue;
    const [{ filter, q, queue, label }] = key as readonly [ConversationListKey];
    const searching = Boolean(q);
    const shown = page.items.find((item) => item.id === conversation.id);
    const latest = shown ? newer(shown, conversation) : conversation;
    const items = page.items.filter((item) => item.id !== conversation.id);
    // A search result list only refreshes what it already shows; the rest waits for the next search.
    if (belongsTo(filter, latest, agentId, queue, label) && (!searching || shown)) items.push(latest);
    items.sort((a, b) => b.lastActivityAt.localeCompare(a.lastActivityAt) || b.id.localeCompare(a.id));
    client.setQueryData<ConversationPage>(key, { ...page, items });
  }
}

/**
 * Follows /api/console/events. EventSource resends the last event id when it reconnects by itself;
 * when the server refused the stream (restart, 5xx) we open a new one with `?after=<last id>`, so
 * the server replays what was missed either way. Every (re)start also refetches the lists once.
 */
export function useConsoleEvents(agentId: string, onEvent?: (event: ConsoleEvent) => void): StreamStatus {
  const client = useQueryClient();
  const router = useRouter();
  const [status, setStatus] = useState<StreamStatus>('connecting');
  const listener = useRef(onEvent);
  useEffect(() => {
    listener.current = onEvent;
  }, [onEvent]);
  useEffect(() => {
    let lastId: string | null = null;
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    let lost = false;
    let settle: ReturnType<typeof setTimeout> | undefined;

    const open = () => {
      const openedAt = Date.now();
      source = new EventSource(lastId ? `/api/console/events?after=${lastId}` : '/api/console/events');
      source.addEventListener('console', (message) => {
        const event: StreamedEvent = consoleMessage(streamedEventSchema, (message as MessageEvent<string>).data, 'a console event');
        lastId = event.id;
        const handler = handlers[event.type] as (client: QueryClient, event: ConsoleEvent, agentId: string) => void;
        handler?.(client, event, agentId);
        listener.current?.(event);
      });
      source.addEventListener('ready', (message) => {
        const ready = consoleMessage(streamReadySchema, (message as MessageEvent<string>).data, 'the ready event');
        lastId = ready.id;
        // After a loss, say so for a moment: the stream replayed what was missed.
        setStatus(lost ? 'reconnected' : 'live');
        if (lost) settle = setTimeout(() => setStatus('live'), 3000);
        lost = false;
        // Only what was fetched before this stream began can have missed something; newer data (a
        // search, a page loaded with "Load more") is kept as it is.
        // A stream that could not replay (its id older than the event log keeps) leaves nothing trustworthy.
        void client.invalidateQueries(ready.expired ? undefined : { predicate: (query) => query.state.dataUpdatedAt < openedAt });
      });
      source.addEventListener('error', () => {
        lost = true;
        setStatus('reconnecting');
        if (source?.readyState !== EventSource.CLOSED || stopped) return;
        retry = setTimeout(async () => {
          const me = await fetch('/api/console/me').catch(() => null);
          if (me?.status === 401) router.replace('/sign-in');
          else if (!stopped) open();
        }, 2000);
      });
    };
    open();
    return () => {
      stopped = true;
      clearTimeout(retry);
      clearTimeout(settle);
      source?.close();
    };
  }, [client, agentId, router]);
  return status;
}
