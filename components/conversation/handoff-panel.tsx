'use client';

import { useTranslations } from 'next-intl';
import type { ConversationSummary } from '@/lib/views/types';
import { useHandoff } from '../api/handoff';
import { Detail } from './detail';

/** Beside a conversation a bot handed over (or could not keep): the bot's context and transcript, or why. */
export function HandoffPanel({ conversation }: { conversation: ConversationSummary }) {
  const t = useTranslations('handoff');
  const { data } = useHandoff(conversation.id, conversation.handoffKind !== null);
  const handoff = data?.handoff;
  if (!handoff) return null;
  const bot = handoff.botAppId ?? t('aBot');
  const context = (handoff.context ?? {}) as { skill?: unknown; summary?: unknown };
  const known = typeof context.skill === 'string' || typeof context.summary === 'string';
  return (
    <aside aria-label={t('panel')} className="border-b border-slate-200 bg-sky-50 px-4 py-2 text-xs text-slate-700 dark:border-slate-700 dark:bg-sky-950 dark:text-slate-300">
      <p className="font-medium">{handoff.kind === 'handoff' ? t('handedOver', { bot }) : t('fallback', { bot })}</p>
      <dl className="flex flex-wrap gap-x-4 gap-y-1">
        <Detail label={t('reason')}>{handoff.reason}</Detail>
        <Detail label={t('skill')}>{typeof context.skill === 'string' && context.skill}</Detail>
        <Detail label={t('summary')}>{typeof context.summary === 'string' && context.summary}</Detail>
        <Detail label={t('context')}>{handoff.context !== null && !known && JSON.stringify(handoff.context)}</Detail>
      </dl>
      {handoff.transcript && handoff.transcript.length > 0 && (
        <details className="mt-1">
          <summary className="cursor-pointer">{t('transcript')}</summary>
          <ol className="mt-1 max-h-48 space-y-0.5 overflow-y-auto">
            {handoff.transcript.map((line, index) => (
              <li key={index}>
                <span className="font-medium">{line.name ?? t(line.role)}: </span>
                {line.text}
              </li>
            ))}
          </ol>
        </details>
      )}
    </aside>
  );
}
