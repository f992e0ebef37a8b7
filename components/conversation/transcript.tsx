'use client';

import { useEffect, useRef, useState } from 'react';
import type { ActivityView, AttachmentView, DeliveryStateView } from '@/lib/views/types';
import { useRetryDelivery } from '../api/retry-delivery';
import { useReviseMessage } from '../api/revise-message';
import { useLoadOlder, useTranscript } from '../api/transcript';
import { AdaptiveCard } from './adaptive-card';
import { ImageAttachment } from './image-viewer';
import { MessageText } from './message-text';

const DELIVERY_LABEL: Record<DeliveryStateView, string | null> = {
  none: null,
  sending: 'Sending',
  sent: 'Sent',
  delivered: 'Delivered',
  read: 'Read',
  failed: 'Failed',
};

/** Lifecycle events as a rep reads them in the timeline. */
const EVENT_LABEL: Record<string, string> = {
  AgentAssigned: 'assigned',
  AgentAccepted: 'accepted the conversation',
  AgentEndSession: 'ended the conversation',
  ConversationClosed: 'Conversation closed',
  SupervisorForceClosedConversation: 'force-closed the conversation',
  TransferToAgentInitiated: 'asked for a transfer',
  TransferAgentAcceptSession: 'took the transferred conversation',
  TransferAgentRejectSession: 'declined the transfer',
  TransferAgentTimedOutSession: 'did not answer the transfer in time',
  TransferToQueueInitiated: 'transferred the conversation to a queue',
  ConsultAgentInitiated: 'asked for a consult',
  ConsultAgentAcceptSession: 'joined the consult',
  ConsultAgentRejectSession: 'declined the consult',
  ConsultAgentSessionTimedOut: 'did not answer the consult in time',
  AgentJoinedCustomerConversation: 'joined the customer conversation',
  ConsultAgentEndSession: 'left the consult',
  AgentEndedConsult: 'ended a consult',
};

/** What a private note written with a command is about (`ActivityView.name`). */
const NOTE_LABEL: Record<string, string> = {
  wrapUp: 'Wrap-up note',
  transferNote: 'Transfer note',
  consultNote: 'Consult note',
  closeReason: 'Force close reason',
};

/** The message a reply quotes: by our id, or by the channel's id for it (WhatsApp context, Teams). */
function quotedOf(activity: ActivityView, items: ActivityView[]): ActivityView | null {
  if (!activity.replyToId) return null;
  return items.find((item) => item.id === activity.replyToId) ?? null;
}

const isShown = (activity: ActivityView) => activity.type === 'message' || (activity.type === 'event' && !!activity.name);

export function Transcript({ conversationId }: { conversationId: string }) {
  const transcript = useTranscript(conversationId);
  const loadOlder = useLoadOlder(conversationId);
  const log = useRef<HTMLDivElement>(null);
  const end = useRef<HTMLDivElement>(null);
  const olderCursor = transcript.data?.olderCursor ?? null;

  function showOlder() {
    const element = log.current;
    const fromBottom = element ? element.scrollHeight - element.scrollTop : 0;
    loadOlder.mutate(olderCursor!, {
      // Keep the rep's place: what they were reading stays where it was.
      onSuccess: () => requestAnimationFrame(() => element && (element.scrollTop = element.scrollHeight - fromBottom)),
    });
  }
  const items = transcript.data?.items.filter(isShown) ?? [];
  const lastId = items.at(-1)?.id;

  useEffect(() => {
    end.current?.scrollIntoView({ block: 'end' });
  }, [lastId]);

  return (
    <div ref={log} role="log" aria-label="Transcript" aria-live="polite" className="min-h-0 flex-1 space-y-3 overflow-y-auto p-4">
      {transcript.isError && <p role="alert">{transcript.error.message}</p>}
      {olderCursor !== null && (
        <button type="button" onClick={showOlder} disabled={loadOlder.isPending} className="mx-auto block text-xs text-indigo-700 dark:text-indigo-300 underline">
          Load earlier messages
        </button>
      )}
      {items.map((activity) =>
        activity.type === 'event' ? (
          <TimelineEntry key={activity.id} activity={activity} />
        ) : (
          <Message key={activity.id} activity={activity} quoted={quotedOf(activity, items)} />
        ),
      )}
      <div ref={end} />
    </div>
  );
}

function TimelineEntry({ activity }: { activity: ActivityView }) {
  const label = EVENT_LABEL[activity.name ?? ''];
  const text = label && activity.fromName && !label.startsWith('Conversation') ? `${activity.fromName} ${label}` : (label ?? activity.name);
  return (
    <article aria-label={text ?? 'event'} className="text-center text-xs text-slate-500 dark:text-slate-400">
      <span>{text}</span>
      {activity.deliveryState === 'failed' && <DeliveryState activity={activity} />}
    </article>
  );
}

function Message({ activity, quoted }: { activity: ActivityView; quoted: ActivityView | null }) {
  const mine = activity.author === 'agent';
  const revise = useReviseMessage();
  const [draft, setDraft] = useState<string | null>(null);
  const editable = mine && !activity.deletedAt && !activity.id.startsWith('pending:');
  return (
    <article
      aria-label={`${activity.fromName ?? activity.author}: ${activity.deletedAt ? 'message deleted' : (activity.text ?? activity.attachments.map((file) => file.name).join(', '))}`}
      className={`flex flex-col ${mine ? 'items-end' : 'items-start'}`}
    >
      <span className="text-xs text-slate-500 dark:text-slate-400">{activity.fromName ?? (mine ? 'Agent' : 'Customer')}</span>
      {quoted && (
        <blockquote aria-label={`Replying to ${quoted.fromName ?? quoted.author}`} className="max-w-[70%] border-l-4 border-slate-300 dark:border-slate-600 pl-2 text-xs text-slate-500 dark:text-slate-400">
          {quoted.fromName ?? quoted.author}: {(quoted.text ?? '').slice(0, 140)}
        </blockquote>
      )}
      {activity.deletedAt && (
        <p className="max-w-[70%] rounded-lg border border-dashed border-slate-300 dark:border-slate-600 px-3 py-2 text-sm italic text-slate-500 dark:text-slate-400">
          Message deleted
          {activity.previousText ? <span className="block not-italic text-slate-500 dark:text-slate-400">Was: {activity.previousText}</span> : null}
        </p>
      )}
      {draft !== null ? (
        <form
          className="flex max-w-[70%] flex-col gap-1"
          onSubmit={(event) => {
            event.preventDefault();
            if (draft.trim()) revise.mutate({ activityId: activity.id, text: draft.trim() }, { onSuccess: () => setDraft(null) });
          }}
        >
          <textarea aria-label="Edit message" value={draft} onChange={(event) => setDraft(event.target.value)} className="rounded border border-slate-300 dark:border-slate-600 px-2 py-1" />
          <span className="flex justify-end gap-2 text-xs">
            <button type="button" onClick={() => setDraft(null)}>
              Cancel
            </button>
            <button type="submit" className="rounded bg-indigo-600 px-2 py-0.5 text-white">
              Save
            </button>
          </span>
        </form>
      ) : (
        activity.text && (
          <div
            className={`max-w-[70%] break-words rounded-lg px-3 py-2 ${activity.note ? 'border border-amber-300 dark:border-amber-700 bg-amber-50 dark:bg-amber-950 text-slate-900 dark:text-slate-100' : mine ? 'bg-indigo-600 text-white' : 'bg-white dark:bg-slate-900 shadow-sm'}`}
          >
            {activity.note && <span className="block text-xs font-medium text-amber-800 dark:text-amber-300">{NOTE_LABEL[activity.name ?? ''] ?? 'Private note'}</span>}
            <MessageText text={activity.text} markdown={activity.textFormat === 'markdown'} />
          </div>
        )
      )}
      {activity.cards.map((card, index) => (
        <AdaptiveCard key={index} card={card} />
      ))}
      {activity.attachments.map((file) => (
        <Attachment key={file.id} file={file} />
      ))}
      {activity.suggestedActions.length > 0 && (
        <ul aria-label="Suggested replies" className="mt-1 flex flex-wrap gap-1">
          {activity.suggestedActions.map((action) => (
            <li key={action.title} className="rounded-full border border-indigo-300 dark:border-indigo-700 px-2 text-xs text-indigo-700 dark:text-indigo-300">
              {action.title}
            </li>
          ))}
        </ul>
      )}
      <span className="text-xs text-slate-500 dark:text-slate-400">
        <time dateTime={activity.timestamp}>{new Date(activity.timestamp).toLocaleTimeString()}</time>
        {activity.editedAt && !activity.deletedAt && (
          <span className="ml-2" title={activity.previousText ? `Before: ${activity.previousText}` : undefined}>
            Edited
          </span>
        )}
        {mine && <DeliveryState activity={activity} />}
        {editable && draft === null && (
          <>
            <button type="button" className="ml-2 underline" onClick={() => setDraft(activity.text ?? '')}>
              Edit
            </button>
            <button type="button" className="ml-2 underline" onClick={() => revise.mutate({ activityId: activity.id })}>
              Delete
            </button>
          </>
        )}
      </span>
      {revise.error && (
        <span role="alert" className="text-xs text-red-700 dark:text-red-400">
          {revise.error.message}
        </span>
      )}
    </article>
  );
}

function Attachment({ file }: { file: AttachmentView }) {
  const url = `/api/console/attachments/${encodeURIComponent(file.id)}`;
  if (/^image\/(png|jpeg|gif|webp)$/.test(file.contentType)) {
    return <ImageAttachment url={url} name={file.name ?? 'image'} />;
  }
  return (
    <a href={url} download={file.name ?? undefined} className="mt-1 rounded border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 px-3 py-2 text-sm underline">
      {file.name ?? 'file'} ({Math.ceil(file.size / 1024)} KB)
    </a>
  );
}

function DeliveryState({ activity }: { activity: ActivityView }) {
  const retry = useRetryDelivery();
  const label = DELIVERY_LABEL[activity.deliveryState];
  if (!label) return null;
  if (activity.deliveryState !== 'failed') {
    return (
      <span className="ml-2">
        {label}
        {activity.deliveryError && <span className="ml-1 text-red-700 dark:text-red-400">({activity.deliveryError})</span>}
      </span>
    );
  }
  return (
    <span className="ml-2 text-red-700 dark:text-red-400">
      {label}
      {activity.deliveryError ? `: ${activity.deliveryError}` : ''}
      {!activity.id.startsWith('pending:') && (
        <button
          type="button"
          onClick={() => retry.mutate(activity.id)}
          disabled={retry.isPending}
          className="ml-2 rounded border border-red-300 dark:border-red-700 px-1 text-red-800 dark:text-red-300 hover:bg-red-50 dark:hover:bg-red-950"
        >
          Retry
        </button>
      )}
    </span>
  );
}
