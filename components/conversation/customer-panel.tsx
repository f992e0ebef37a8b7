'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useState } from 'react';
import { canEraseCustomer, canExportCustomer } from '@/lib/shared/policies';
import type { AgentView, ConversationSummary } from '@/lib/views/types';
import { customerExportHref } from '../api/customer-data';
import { useCustomerProfile } from '../api/customer-profile';
import { Button } from '../ui/button';
import { useDateTime } from '../ui/date-time';
import { Detail } from './detail';
import { EraseCustomerDialog } from './erase-customer-dialog';
import { StartConversationSection } from './start-conversation-section';
import { ContactSection } from './contact-section';

/** The customer at a glance: channel and identity, locale, what the channel knows, earlier conversations. */
export function CustomerPanel({ conversation, agent }: { conversation: ConversationSummary; agent: AgentView }) {
  const [erasing, setErasing] = useState(false);
  const profile = useCustomerProfile(conversation.id);
  const data = profile.data;
  const t = useTranslations('customer');
  const states = useTranslations('state');
  const dateTime = useDateTime();
  return (
    <aside aria-label={t('panel')} className="hidden w-72 shrink-0 overflow-y-auto border-l border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 p-3 text-sm lg:block">
      <h3 className="font-semibold">{conversation.customerName}</h3>
      <dl className="mt-2 space-y-1 text-xs text-slate-600 dark:text-slate-300">
        <Detail label={t('channel')}>{conversation.channel}</Detail>
        <Detail label={t('id')}>{data?.customerId}</Detail>
        <Detail label={t('locale')}>{data?.locale}</Detail>
        <Detail label={t('language')}>{conversation.analysis?.language}</Detail>
        <Detail label={t('tenant')}>{conversation.channelInfo?.tenantId}</Detail>
        <Detail label={t('replyWindow')}>{conversation.replyWindowEndsAt && dateTime(conversation.replyWindowEndsAt, 'dateTime')}</Detail>
      </dl>
      {data?.contactId && <ContactSection contactId={data.contactId} conversationId={conversation.id} />}
      {(canExportCustomer(agent) || canEraseCustomer(agent)) && (
        <div className="mt-3 flex flex-wrap items-center gap-2 text-xs">
          {canExportCustomer(agent) && (
            <a href={customerExportHref(conversation.id)} download className="underline">
              {t('exportData')}
            </a>
          )}
          {canEraseCustomer(agent) && (
            <Button variant="danger" size="sm" onClick={() => setErasing(true)}>
              {t('eraseData')}
            </Button>
          )}
        </div>
      )}
      {erasing && <EraseCustomerDialog conversation={conversation} onClose={() => setErasing(false)} />}
      {data && data.surveys.length > 0 && (
        <>
          <h4 className="mt-4 text-xs font-semibold uppercase text-slate-500 dark:text-slate-400">{t('satisfaction')}</h4>
          <ul aria-label={t('satisfaction')} className="mt-1 space-y-1 text-xs">
            {data.surveys.map((survey) => (
              <li key={survey.episode}>
                {survey.rating === null ? t('notAnswered', { episode: survey.episode }) : t('satisfactionOf', { rating: survey.rating, episode: survey.episode })}
                {survey.comment && <span className="block whitespace-pre-wrap break-words text-slate-500 dark:text-slate-400">{survey.comment}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
      <h4 className="mt-4 text-xs font-semibold uppercase text-slate-500 dark:text-slate-400">{t('previous')}</h4>
      {data && data.previousConversations.length === 0 && <p className="text-xs text-slate-500 dark:text-slate-400">{t('none')}</p>}
      <ul aria-label={t('previous')} className="mt-1 space-y-1">
        {data?.previousConversations.map((previous) => (
          <li key={previous.id}>
            <Link href={`/?c=${encodeURIComponent(previous.id)}`} className="block rounded px-1 py-0.5 text-xs hover:bg-slate-100 dark:hover:bg-slate-800">
              <span className="block text-slate-500 dark:text-slate-400">
                {dateTime(previous.lastActivityAt, 'date')} · {states(previous.state)}
              </span>
              <span className="block truncate">{previous.lastText ?? ''}</span>
            </Link>
          </li>
        ))}
      </ul>
      {data && <StartConversationSection conversation={conversation} profile={data} />}
    </aside>
  );
}
