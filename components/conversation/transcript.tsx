'use client';

import { useTranslations } from 'next-intl';
import { memo, useEffect, useRef, useState } from 'react';
import type { ActivityView, AttachmentView } from '@/lib/views/types';
import { useRetryDelivery } from '../api/retry-delivery';
import { useReviseMessage } from '../api/revise-message';
import { useLoadOlder, useTranscript } from '../api/transcript';
import { useDateTime } from '../ui/date-time';
import { AdaptiveCard } from './adaptive-card';
import { HeroCard } from './hero-card';
import { ImageAttachment } from './image-viewer';
import { MessageText } from './message-text';
import { ErrorMessage } from '@/components/ui/error-text';
import { Button } from '@/components/ui/button';
import { Textarea } from '@/components/ui/field';

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
  const t = useTranslations('transcript');

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
    <div ref={log} role="log" aria-label={t('log')} aria-live="polite" className="min-h-0 flex-1 space-y-3 overflow-y-auto p-4">
      {transcript.isError && <p role="alert"><ErrorMessage error={transcript.error} /></p>}
      {olderCursor !== null && (
        <Button variant="link" onClick={showOlder} disabled={loadOlder.isPending} className="mx-auto block text-xs">
          {t('loadEarlier')}
        </Button>
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

/** A lifecycle event as a rep reads it: the `events` message named like the event, `{name}` who did it. */
function TimelineEntry({ activity }: { activity: ActivityView }) {
  const t = useTranslations('transcript');
  const events = useTranslations('events');
  const key = activity.name ?? '';
  // Without a name the message starts with a space (English) or not at all: trimmed either way.
  const text = key && events.has(key) ? events(key, { name: activity.fromName ?? '' }).trim() : activity.name;
  return (
    <article aria-label={text || t('event')} className="text-center text-xs text-slate-500 dark:text-slate-400">
      <span>{text}</span>
      {activity.deliveryState === 'failed' && <DeliveryState activity={activity} />}
    </article>
  );
}

// Memoised: a new message re-renders the transcript, and re-rendering every earlier message (each
// parses its markdown again) made the time to show it grow with the conversation's length. The
// cache keeps unchanged activities as the same objects (mergeActivity), so only new or changed ones render.
const Message = memo(function Message({ activity, quoted }: { activity: ActivityView; quoted: ActivityView | null }) {
  const mine = activity.author === 'agent';
  const revise = useReviseMessage();
  const [draft, setDraft] = useState<string | null>(null);
  const editable = mine && !activity.deletedAt && !activity.id.startsWith('pending:');
  const t = useTranslations('transcript');
  const notes = useTranslations('notes');
  const dateTime = useDateTime();
  const authorOf = (item: ActivityView) => item.fromName ?? t('author', { author: item.author });
  return (
    <article
      aria-label={t('article', {
        author: authorOf(activity),
        text: activity.deletedAt ? t('deletedLabel') : (activity.text ?? contentSummary(activity)),
      })}
      className={`flex flex-col ${mine ? 'items-end' : 'items-start'}`}
    >
      <span className="text-xs text-slate-500 dark:text-slate-400">
        {activity.fromName ?? (mine ? t('agent') : t('customer'))}
        {activity.author === 'bot' && (
          <span className="ml-1 rounded bg-sky-100 px-1 font-medium text-sky-800 dark:bg-sky-900 dark:text-sky-200">{t('botLabel')}</span>
        )}
      </span>
      {quoted && (
        <blockquote aria-label={t('replyingTo', { name: authorOf(quoted) })} className="max-w-[70%] border-l-4 border-slate-300 dark:border-slate-600 pl-2 text-xs text-slate-500 dark:text-slate-400">
          {t('article', { author: authorOf(quoted), text: (quoted.text ?? '').slice(0, 140) })}
        </blockquote>
      )}
      {activity.deletedAt && (
        <p className="max-w-[70%] rounded-lg border border-dashed border-slate-300 dark:border-slate-600 px-3 py-2 text-sm italic text-slate-500 dark:text-slate-400">
          {t('deleted')}
          {activity.previousText ? <span className="block not-italic text-slate-500 dark:text-slate-400">{t('was', { text: activity.previousText })}</span> : null}
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
          <Textarea aria-label={t('editMessage')} value={draft} onChange={(event) => setDraft(event.target.value)} />
          <span className="flex justify-end gap-2 text-xs">
            <Button variant="bare" onClick={() => setDraft(null)}>
              {t('cancel')}
            </Button>
            <Button variant="primary" size="none" type="submit" className="px-2 py-0.5">
              {t('save')}
            </Button>
          </span>
        </form>
      ) : (
        activity.text && (
          <div
            className={`max-w-[70%] break-words rounded-lg px-3 py-2 ${activity.note ? 'border border-amber-300 dark:border-amber-700 bg-amber-50 dark:bg-amber-950 text-slate-900 dark:text-slate-100' : mine ? 'bg-indigo-600 text-white' : 'bg-white dark:bg-slate-900 shadow-sm'}`}
          >
            {/* What a note written with a command is about (`ActivityView.name`): the `notes` messages. */}
            {activity.note && <span className="block text-xs font-medium text-amber-800 dark:text-amber-300">{activity.name && notes.has(activity.name) ? notes(activity.name) : t('privateNote')}</span>}
            <MessageText text={activity.text} markdown={activity.textFormat === 'markdown'} />
          </div>
        )
      )}
      {activity.cards.map((card, index) => (
        <AdaptiveCard key={index} card={card} />
      ))}
      {activity.heroCards.map((view, index) => (
        <HeroCard key={index} view={view} />
      ))}
      {activity.surveyAnswer ? <SurveyAnswer answer={activity.surveyAnswer} /> : activity.cardAnswer && <CardAnswer answer={activity.cardAnswer} />}
      {activity.attachments.map((file) => (
        <Attachment key={file.id} file={file} />
      ))}
      {activity.fetchFailures.map((failure, index) => (
        <p key={index} className="mt-1 rounded border border-dashed border-red-300 dark:border-red-700 px-3 py-2 text-sm text-red-800 dark:text-red-300">
          {t('fetchFailed', { name: failure.name, reason: failure.reason })}
        </p>
      ))}
      {activity.suggestedActions.length > 0 && (
        <ul aria-label={t('suggestedReplies')} className="mt-1 flex flex-wrap gap-1">
          {activity.suggestedActions.map((action) => (
            <li key={action.title} className="rounded-full border border-indigo-300 dark:border-indigo-700 px-2 text-xs text-indigo-700 dark:text-indigo-300">
              {action.title}
            </li>
          ))}
        </ul>
      )}
      <span className="text-xs text-slate-500 dark:text-slate-400">
        <time dateTime={activity.timestamp}>{dateTime(activity.timestamp, 'time')}</time>
        {activity.editedAt && !activity.deletedAt && (
          <span className="ml-2" title={activity.previousText ? t('before', { text: activity.previousText }) : undefined}>
            {t('edited')}
          </span>
        )}
        {mine && <DeliveryState activity={activity} />}
        {editable && draft === null && (
          <>
            <Button variant="inlineLink" className="ml-2" onClick={() => setDraft(activity.text ?? '')}>
              {t('edit')}
            </Button>
            <Button variant="inlineLink" className="ml-2" onClick={() => revise.mutate({ activityId: activity.id })}>
              {t('delete')}
            </Button>
          </>
        )}
      </span>
      {revise.error && (
        <span role="alert" className="text-xs text-red-700 dark:text-red-400">
          <ErrorMessage error={revise.error} />
        </span>
      )}
    </article>
  );
});

/** What a message without text holds, for its accessible name: its files, failed ones included, or the card button it pressed. */
function contentSummary(activity: ActivityView): string {
  const names = [...activity.attachments.map((file) => file.name ?? ''), ...activity.fetchFailures.map((failure) => failure.name)];
  if (activity.surveyAnswer) names.push(`${activity.surveyAnswer.rating}/5`);
  else if (activity.cardAnswer) names.push(activity.cardAnswer.action ?? activity.cardAnswer.card ?? '');
  return names.filter(Boolean).join(', ');
}

/** The customer's rating from the satisfaction survey, and their comment. */
function SurveyAnswer({ answer }: { answer: NonNullable<ActivityView['surveyAnswer']> }) {
  const t = useTranslations('transcript');
  return (
    <section aria-label={t('surveyAnswer')} className="mt-1 max-w-[70%] rounded-lg border border-emerald-200 dark:border-emerald-800 bg-white dark:bg-slate-900 px-3 py-2 text-sm shadow-sm">
      <p className="font-medium">
        <span aria-hidden="true">{'★'.repeat(answer.rating)}{'☆'.repeat(5 - answer.rating)} </span>
        {t('surveyRating', { rating: answer.rating })}
      </p>
      {answer.comment && <p className="mt-1 whitespace-pre-wrap break-words">{answer.comment}</p>}
    </section>
  );
}

/** An Adaptive Card answer: the card and button it answers, then each submitted field. */
function CardAnswer({ answer }: { answer: NonNullable<ActivityView['cardAnswer']> }) {
  const t = useTranslations('transcript');
  return (
    <section aria-label={t('cardAnswer')} className="mt-1 max-w-[70%] rounded-lg border border-indigo-200 dark:border-indigo-800 bg-white dark:bg-slate-900 px-3 py-2 text-sm shadow-sm">
      <p className="text-xs text-slate-500 dark:text-slate-400">
        {answer.card ? t('answersCard', { card: answer.card }) : t('answersUnknownCard')}
        {answer.action && <span className="ml-1 font-medium text-slate-700 dark:text-slate-200">{t('pressedButton', { action: answer.action })}</span>}
      </p>
      {answer.fields.length > 0 && (
        <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5">
          {answer.fields.map((field, index) => (
            <div key={index} className="contents">
              <dt className="text-slate-500 dark:text-slate-400">{field.label}</dt>
              <dd className="whitespace-pre-wrap break-words">{field.value}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}

function Attachment({ file }: { file: AttachmentView }) {
  const t = useTranslations('transcript');
  const url = `/api/console/attachments/${encodeURIComponent(file.id)}`;
  if (/^image\/(png|jpeg|gif|webp)$/.test(file.contentType)) {
    return <ImageAttachment url={url} name={file.name ?? t('image')} />;
  }
  return (
    <a href={url} download={file.name ?? undefined} className="mt-1 rounded border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 px-3 py-2 text-sm underline">
      {t('fileSize', { name: file.name ?? t('file'), size: String(Math.ceil(file.size / 1024)) })}
    </a>
  );
}

function DeliveryState({ activity }: { activity: ActivityView }) {
  const retry = useRetryDelivery();
  const t = useTranslations('transcript');
  const delivery = useTranslations('delivery');
  const state = activity.deliveryState;
  if (state === 'none') return null;
  const label = delivery(state);
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
        <Button variant="failureAction" onClick={() => retry.mutate(activity.id)} disabled={retry.isPending} className="ml-2">
          {t('retry')}
        </Button>
      )}
    </span>
  );
}
