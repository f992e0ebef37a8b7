'use client';

import { useTranslations } from 'next-intl';
import { canAddConsultant, canEndConsult, isOwner as owns } from '@/lib/shared/policies';
import type { AgentView, ConversationSummary } from '@/lib/views/types';
import { useAddConsultant, useEndConsult } from '../api/conversation-commands';
import { useWithdrawRequest } from '../api/offers';
import { ErrorMessage } from '@/components/ui/error-text';
import { Button } from '@/components/ui/button';

const LINK = 'rounded px-2 py-0.5 text-xs underline hover:bg-amber-100 disabled:opacity-60 dark:hover:bg-amber-900';

/**
 * Who is consulting on the conversation and what is waiting for an answer. The owner adds a
 * consultant to the customer conversation or removes them, or withdraws a request; a consultant leaves.
 */
export function ConsultBar({ conversation, agent }: { conversation: ConversationSummary; agent: AgentView }) {
  const add = useAddConsultant();
  const end = useEndConsult();
  const withdraw = useWithdrawRequest();
  const t = useTranslations('consult');
  const isOwner = owns(agent, conversation);
  if (conversation.consultants.length === 0 && conversation.pendingRequests.length === 0) return null;
  const error = add.error ?? end.error ?? withdraw.error;
  return (
    <div aria-label={t('region')} role="region" className="flex flex-wrap items-center gap-3 border-b border-amber-200 bg-amber-50 px-4 py-1.5 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
      {conversation.pendingRequests.map((request) => (
        <span key={request.offerId} className="flex items-center gap-1">
          {t('waiting', { name: request.agentName, kind: request.kind })}
          {isOwner && (
            <Button variant="bare" className={LINK} disabled={withdraw.isPending} onClick={() => withdraw.mutate({ offerId: request.offerId })}>
              {t('withdraw')}
            </Button>
          )}
        </span>
      ))}
      {conversation.consultants.map((consultant) => (
        <span key={consultant.agentId} className="flex items-center gap-1">
          {t(consultant.joined ? 'consultingJoined' : 'consultingPrivate', { name: consultant.name })}
          {canAddConsultant(agent, conversation) && !consultant.joined && (
            <Button variant="bare" className={LINK} disabled={add.isPending} onClick={() => add.mutate({ conversationId: conversation.id, agentId: consultant.agentId })}>
              {t('add', { name: consultant.name })}
            </Button>
          )}
          {consultant.agentId !== agent.id && canEndConsult(agent, conversation, consultant.agentId) && (
            <Button variant="bare" className={LINK} disabled={end.isPending} onClick={() => end.mutate({ conversationId: conversation.id, agentId: consultant.agentId })}>
              {t('remove', { name: consultant.name })}
            </Button>
          )}
          {consultant.agentId === agent.id && (
            <Button variant="bare" className={LINK} disabled={end.isPending} onClick={() => end.mutate({ conversationId: conversation.id, agentId: agent.id })}>
              {t('leave')}
            </Button>
          )}
        </span>
      ))}
      {error && <span role="alert" className="text-red-700"><ErrorMessage error={error} /></span>}
    </div>
  );
}
