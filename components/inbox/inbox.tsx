'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { useConversationList, useLoadMoreConversations, type InboxFilter } from '../api/conversations';

const FILTERS: { value: InboxFilter; label: string }[] = [
  { value: 'mine', label: 'Mine' },
  { value: 'unassigned', label: 'Unassigned' },
  { value: 'all', label: 'All' },
];

export function Inbox({ selectedId, filter, onFilterChange: setFilter }: { selectedId: string | null; filter: InboxFilter; onFilterChange: (filter: InboxFilter) => void }) {
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQuery(search.trim()), 250);
    return () => clearTimeout(timer);
  }, [search]);
  const list = useConversationList(filter, query);
  const more = useLoadMoreConversations(filter, query);
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
    document.title = unread > 0 ? `(${unread}) Agent Console` : 'Agent Console';
  }, [unread]);

  return (
    <nav aria-label="Inbox" className="flex w-80 shrink-0 flex-col border-r border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900">
      <div className="flex gap-1 border-b border-slate-200 dark:border-slate-700 p-2">
        {FILTERS.map(({ value, label }) => (
          <button
            key={value}
            type="button"
            aria-pressed={filter === value}
            onClick={() => setFilter(value)}
            className="rounded px-3 py-1 text-sm aria-pressed:bg-indigo-600 aria-pressed:text-white hover:bg-slate-100 dark:hover:bg-slate-800 aria-pressed:hover:bg-indigo-700"
          >
            {label}
          </button>
        ))}
      </div>
      <div className="border-b border-slate-200 dark:border-slate-700 p-2">
        <input
          type="search"
          aria-label="Search conversations"
          placeholder="Search customers and messages"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          className="w-full rounded border border-slate-300 dark:border-slate-600 px-2 py-1 text-sm"
        />
      </div>
      {list.isError && (
        <p role="alert" className="p-3 text-sm text-red-700 dark:text-red-400">
          {list.error.message}
        </p>
      )}
      <ul aria-label="Conversations" className="min-h-0 flex-1 overflow-y-auto">
        {list.data?.items.map((conversation) => (
          <li key={conversation.id}>
            <Link
              href={`/?c=${encodeURIComponent(conversation.id)}`}
              aria-current={conversation.id === selectedId ? 'page' : undefined}
              className="block border-b border-slate-100 dark:border-slate-800 px-3 py-2 hover:bg-slate-50 dark:hover:bg-slate-800 aria-[current=page]:bg-indigo-50 dark:aria-[current=page]:bg-indigo-950"
            >
              <span className="flex items-center justify-between gap-2">
                <span className="truncate font-medium">{conversation.customerName}</span>
                {conversation.unreadCount > 0 && (
                  <span className="rounded-full bg-indigo-600 px-2 text-xs text-white">
                    {conversation.unreadCount} unread
                  </span>
                )}
              </span>
              <span className="block truncate text-sm text-slate-600 dark:text-slate-400">{conversation.lastText ?? ' '}</span>
              <span className="block text-xs text-slate-600 dark:text-slate-400">
                {conversation.channel} · {conversation.state}
                {conversation.ownerName ? ` · ${conversation.ownerName}` : ''}
              </span>
            </Link>
          </li>
        ))}
        {list.data && list.data.items.length === 0 && <li className="p-3 text-sm text-slate-600 dark:text-slate-400">No conversations.</li>}
        {list.data?.nextCursor && (
          <li className="p-2 text-center">
            <button type="button" disabled={more.isPending} onClick={() => more.mutate(list.data!.nextCursor!)} className="text-sm text-indigo-700 dark:text-indigo-300 underline">
              Load more
            </button>
          </li>
        )}
      </ul>
    </nav>
  );
}
