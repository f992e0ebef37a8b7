'use client';

import { useTranslations } from 'next-intl';
import { useEffect } from 'react';
import { canReply } from '@/lib/shared/policies';
import type { AgentView } from '@/lib/views/types';
import { useConversation, useErased } from '../api/conversation';
import { useMarkRead } from '../api/mark-read';
import { AnalysisPanel } from './analysis-panel';
import { HandoffPanel } from './handoff-panel';
import { Composer } from './composer';
import { ConsultBar } from './consult-bar';
import { ConversationActions } from './conversation-actions';
import { WrapUpForm } from './wrap-up-form';
import { CustomerPanel } from './customer-panel';
import { ConversationLabels } from './label-picker';
import { Transcript } from './transcript';
import { TypingIndicator } from './typing-indicator';
import { ErrorMessage } from '@/components/ui/error-text';

export function ConversationPane({ conversationId, agent }: { conversationId: string; agent: AgentView }) {
  const erased = useErased(conversationId);
  const conversation = useConversation(conversationId);
  const markRead = useMarkRead();
  const t = useTranslations('conversation');
  const states = useTranslations('state');
  const data = conversation.data;
  const isOwner = data?.ownerId === agent.id;
  const consultant = data?.consultants.find((c) => c.agentId === agent.id);
  const unread = data?.unreadCount ?? 0;

  useEffect(() => {
    if (isOwner && unread > 0 && !markRead.isPending) markRead.mutate(conversationId);
    // markRead is stable enough; re-run only when ownership or the counter changes
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [isOwner, unread, conversationId]);

  if (erased) return <p role="status" className="m-auto text-slate-500 dark:text-slate-400">{t('erased')}</p>;
  if (conversation.isError) {
    return (
      <p role="alert" className="m-auto text-red-700 dark:text-red-400">
        <ErrorMessage error={conversation.error} />
      </p>
    );
  }
  if (!data) return <p className="m-auto text-slate-500 dark:text-slate-400">{t('loading')}</p>;

  const waiting = data.state === 'queued' || data.state === 'offered';
  return (
    <div className="flex min-h-0 flex-1">
      <section aria-label={t('region', { customer: data.customerName })} className="flex min-h-0 flex-1 flex-col">
        <div className="flex items-center justify-between border-b border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 px-4 py-2">
          <div>
            <h2 className="font-semibold">{data.customerName}</h2>
            <p className="text-xs text-slate-500 dark:text-slate-400">
              {data.channel} · {states(data.state)}
              {data.queueName ? ` · ${data.queueName}` : ''}
              {data.ownerName ? ` · ${data.ownerName}` : ''}
            </p>
            {data.channelInfo && (
              <p aria-label={t('channelDetails')} className="text-xs text-slate-500 dark:text-slate-400">
                {[
                  data.channelInfo.conversationType,
                  data.channelInfo.team && t('team', { name: data.channelInfo.team }),
                  data.channelInfo.channel && t('channel', { name: data.channelInfo.channel }),
                  data.channelInfo.tenantId && t('tenant', { id: data.channelInfo.tenantId }),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
            )}
            {data.sendingPaused && (
              <p role="status" className="text-xs text-red-700 dark:text-red-400">
                {t.has(`paused.${data.sendingPaused}`) ? t(`paused.${data.sendingPaused}`) : t('paused.other', { reason: data.sendingPaused })}
              </p>
            )}
            <ConversationLabels conversation={data} />
          </div>
          <ConversationActions conversation={data} agent={agent} />
        </div>
        <ConsultBar conversation={data} agent={agent} />
        {data.handoffKind && <HandoffPanel conversation={data} />}
        {data.analysis && <AnalysisPanel analysis={data.analysis} />}
        <Transcript conversationId={conversationId} />
        <TypingIndicator conversationId={conversationId} />
        {data.state === 'active' && (isOwner || consultant) ? (
          <Composer
            conversationId={conversationId}
            agent={agent}
            replyWindowEndsAt={data.replyWindowEndsAt}
            notesOnly={!canReply(agent, data)}
          />
        ) : data.state === 'closed' && isOwner ? (
          <WrapUpForm key={data.version} conversationId={conversationId} />
        ) : (
          <p className="border-t border-slate-200 bg-white p-3 text-sm text-slate-500 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-400">
            {waiting ? t('acceptToReply') : data.state === 'bot' ? t('withBot') : data.state === 'closed' ? t('closed') : t('handledBy', { name: data.ownerName ?? t('anotherAgent') })}
          </p>
        )}
      </section>
      <CustomerPanel conversation={data} agent={agent} />
    </div>
  );
}
