'use client';

import { useVirtualizer } from '@tanstack/react-virtual';
import { useNow, useTranslations } from 'next-intl';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import type { ConversationSummary } from '@/lib/views/types';
import type { InboxFilter } from '@/lib/views/types';
import { useConversationList, useLoadMoreConversations } from '../api/conversations';
import { useLabels } from '../api/contacts';
import { LabelChips } from '../conversation/label-picker';
import { useDirectory } from '../api/directory';
import { isOpen } from '@/lib/shared/hours/business-hours';
import { ErrorMessage } from '@/components/ui/error-text';
import { Button } from '@/components/ui/button';
import { Input, Select } from '@/components/ui/field';
import { SlaCountdown } from '../conversation/sla-countdown';

/** Each entry is three lines tall; the list renders only what is on screen (10,000 stay smooth). */
const ROW_HEIGHT = 72;

const FILTERS: InboxFilter[] = ['mine', 'unassigned', 'all'];

export function Inbox({ selectedId, filter, onFilterChange: setFilter }: { selectedId: string | null; filter: InboxFilter; onFilterChange: (filter: InboxFilter) => void }) {
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState('');
  const [queue, setQueue] = useState('');
  const [label, setLabel] = useState('');
  const labels = useLabels().data ?? [];
  const t = useTranslations('inbox');
  const app = useTranslations('app');
  const queues = useDirectory().data?.queues ?? [];
  useEffect(() => {
    const timer = setTimeout(() => setQuery(search.trim()), 250);
    return () => clearTimeout(timer);
  }, [search]);
  const list = useConversationList(filter, query, queue, label);
  const more = useLoadMoreConversations(filter, query, queue, label);
  const unread = list.data?.items.reduce((total, item) => total + item.unreadCount, 0) ?? 0;
  const router = useRouter();
  const items = list.data?.items;
  // Alt+J / Alt+K: next / previous conversation of the list shown.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || !items?.length || (event.code !== 'KeyJ' && event.code !== 'KeyK')) return;
      event.preventDefault();
      const at = items.findIndex((item) => item.id === selectedId);
      const next = event.code === 'KeyJ' ? Math.min(at + 1, items.length - 1) : Math.max(at - 1, 0);
      router.push(`/?c=${encodeURIComponent(items[next]!.id)}`);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [items, selectedId, router]);
  useEffect(() => {
    document.title = unread > 0 ? app('titleUnread', { count: String(unread) }) : app('title');
  }, [unread, app]);

  return (
    <nav aria-label={t('region')} className="flex w-80 shrink-0 flex-col border-r border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900">
      <div className="flex gap-1 border-b border-slate-200 dark:border-slate-700 p-2">
        {FILTERS.map((value) => (
          <Button
            variant="tab"
            size="sm"
            key={value}
            aria-pressed={filter === value}
            onClick={() => setFilter(value)}
          >
            {t(value)}
          </Button>
        ))}
      </div>
      <div className="flex gap-2 border-b border-slate-200 p-2 dark:border-slate-700">
        <Input
          type="search"
          aria-label={t('search')}
          placeholder={t('searchPlaceholder')}
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          className="min-w-0 flex-1 text-sm" />
        <Select
          aria-label={t('queue')}
          value={queue}
          onChange={(event) => setQueue(event.target.value)}
          className="w-24 bg-transparent px-1 py-1 text-sm"
        >
          <option value="">{t('everyQueue')}</option>
          {queues.map((item) => (
            <option key={item.id} value={item.id}>
              {item.name}
            </option>
          ))}
        </Select>
        <Select aria-label={t('label')} value={label} onChange={(event) => setLabel(event.target.value)} className="w-24 bg-transparent px-1 py-1 text-sm">
          <option value="">{t('everyLabel')}</option>
          {labels.map((item) => (
            <option key={item.id} value={item.id}>
              {item.name}
            </option>
          ))}
        </Select>
      </div>
      {list.isError && (
        <p role="alert" className="p-3 text-sm text-red-700 dark:text-red-400">
          <ErrorMessage error={list.error} />
        </p>
      )}
      <ConversationList
        items={list.data?.items ?? []}
        loaded={Boolean(list.data)}
        selectedId={selectedId}
        nextCursor={list.data?.nextCursor ?? null}
        loadingMore={more.isPending}
        onLoadMore={(cursor) => more.mutate(cursor)}
      />
    </nav>
  );
}

function ConversationList({
  items,
  loaded,
  selectedId,
  nextCursor,
  loadingMore,
  onLoadMore,
}: {
  items: ConversationSummary[];
  loaded: boolean;
  selectedId: string | null;
  nextCursor: string | null;
  loadingMore: boolean;
  onLoadMore: (cursor: string) => void;
}) {
  const scroller = useRef<HTMLUListElement>(null);
  const t = useTranslations('inbox');
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer's API is not memo-safe; nothing here memoises it
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    getItemKey: (index) => items[index]!.id,
  });
  const rows = virtualizer.getVirtualItems();
  const lastShown = rows.at(-1)?.index ?? -1;
  // Scrolling near the end fetches the next keyset page by itself ("Load more" stays for keyboards).
  useEffect(() => {
    if (nextCursor && !loadingMore && lastShown >= items.length - 5) onLoadMore(nextCursor);
  }, [lastShown, items.length, nextCursor, loadingMore, onLoadMore]);

  return (
    <ul ref={scroller} aria-label={t('list')} className="relative min-h-0 flex-1 overflow-y-auto">
      <li aria-hidden style={{ height: virtualizer.getTotalSize() }} className="pointer-events-none" />
      {rows.map((row) => {
        const conversation = items[row.index]!;
        return (
          <li
            key={row.key}
            aria-setsize={nextCursor ? -1 : items.length}
            aria-posinset={row.index + 1}
            className="absolute inset-x-0"
            style={{ top: row.start, height: ROW_HEIGHT }}
          >
            <ConversationEntry conversation={conversation} selected={conversation.id === selectedId} />
          </li>
        );
      })}
      {loaded && items.length === 0 && <li className="p-3 text-sm text-slate-600 dark:text-slate-400">{t('empty')}</li>}
      {nextCursor && (
        <li className="p-2 text-center">
          <Button variant="link" disabled={loadingMore} onClick={() => onLoadMore(nextCursor)} className="text-sm">
            {t('loadMore')}
          </Button>
        </li>
      )}
    </ul>
  );
}

/** A waiting conversation whose queue's calendar says it is closed now (routing offers it once the queue opens); checked each minute. */
function useWaitingForHours(conversation: ConversationSummary): boolean {
  const calendar = useDirectory().data?.queues.find((queue) => queue.id === conversation.queueId)?.calendar;
  const now = useNow({ updateInterval: 60_000 });
  return conversation.state === 'queued' && !!calendar && !isOpen(calendar, now);
}

function ConversationEntry({ conversation, selected }: { conversation: ConversationSummary; selected: boolean }) {
  const t = useTranslations('inbox');
  const states = useTranslations('state');
  const waitingForHours = useWaitingForHours(conversation);
  return (
    <Link
      href={`/?c=${encodeURIComponent(conversation.id)}`}
      aria-current={selected ? 'page' : undefined}
      className="block h-full border-b border-slate-100 px-3 py-2 hover:bg-slate-50 aria-[current=page]:bg-indigo-50 dark:border-slate-800 dark:hover:bg-slate-800 dark:aria-[current=page]:bg-indigo-950"
    >
      <span className="flex items-center justify-between gap-2">
        <span className="truncate font-medium">{conversation.customerName}</span>
        {conversation.unreadCount > 0 && (
          <span className="rounded-full bg-indigo-600 px-2 text-xs text-white">{t('unread', { count: conversation.unreadCount })}</span>
        )}
      </span>
      <span className="block truncate text-sm text-slate-600 dark:text-slate-400">{conversation.lastText ?? ' '}</span>
      <span className="block truncate text-xs text-slate-600 dark:text-slate-400">
        {conversation.channel} · {waitingForHours ? t('waitingForHours') : states(conversation.state)}
        {conversation.queueName ? ` · ${conversation.queueName}` : ''}
        {conversation.ownerName ? ` · ${conversation.ownerName}` : ''}
      </span>
      <LabelChips labels={conversation.labels} />
      <SlaCountdown clock={conversation} />
    </Link>
  );
}
