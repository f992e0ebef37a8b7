'use client';

import { useEffect, useRef } from 'react';
import type { ActivityView, DeliveryStateView } from '@/lib/views/types';
import { useTranscript } from '../api/transcript';

const DELIVERY_LABEL: Record<DeliveryStateView, string | null> = {
  none: null,
  sending: 'Sending',
  sent: 'Sent',
  delivered: 'Delivered',
  read: 'Read',
  failed: 'Failed',
};

const isShown = (activity: ActivityView) => activity.type === 'message' || (activity.type === 'event' && !!activity.name);

export function Transcript({ conversationId }: { conversationId: string }) {
  const transcript = useTranscript(conversationId);
  const end = useRef<HTMLDivElement>(null);
  const items = transcript.data?.items.filter(isShown) ?? [];
  const lastId = items.at(-1)?.id;

  useEffect(() => {
    end.current?.scrollIntoView({ block: 'end' });
  }, [lastId]);

  return (
    <div role="log" aria-label="Transcript" aria-live="polite" className="min-h-0 flex-1 space-y-3 overflow-y-auto p-4">
      {transcript.isError && <p role="alert">{transcript.error.message}</p>}
      {items.map((activity) => (
        <Message key={activity.id} activity={activity} />
      ))}
      <div ref={end} />
    </div>
  );
}

function Message({ activity }: { activity: ActivityView }) {
  if (activity.type === 'event') {
    return (
      <article className="text-center text-xs text-slate-500">
        {activity.name}
      </article>
    );
  }
  const mine = activity.author === 'agent';
  const state = DELIVERY_LABEL[activity.deliveryState];
  return (
    <article
      aria-label={`${activity.fromName ?? activity.author}: ${activity.text ?? ''}`}
      className={`flex flex-col ${mine ? 'items-end' : 'items-start'}`}
    >
      <span className="text-xs text-slate-500">{activity.fromName ?? (mine ? 'Agent' : 'Customer')}</span>
      <p
        className={`max-w-[70%] whitespace-pre-wrap break-words rounded-lg px-3 py-2 ${
          mine ? 'bg-indigo-600 text-white' : 'bg-white shadow-sm'
        }`}
      >
        {activity.text}
      </p>
      <span className="text-xs text-slate-400">
        <time dateTime={activity.timestamp}>{new Date(activity.timestamp).toLocaleTimeString()}</time>
        {mine && state && (
          <span className={activity.deliveryState === 'failed' ? 'ml-2 text-red-700' : 'ml-2'} title={activity.deliveryError ?? undefined}>
            {state}
            {activity.deliveryError ? `: ${activity.deliveryError}` : ''}
          </span>
        )}
      </span>
    </article>
  );
}
