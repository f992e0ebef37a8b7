'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { canAccept, canConsult, canEnd, canForceClose, canReassign, canReturnToBot, canTakeOver, canTransfer } from '@/lib/shared/policies';
import type { AgentView, ConversationSummary } from '@/lib/views/types';
import { useAcceptConversation } from '../api/accept-conversation';
import { useCloseConversation } from '../api/conversation-commands';
import { useAssignConversation } from '../api/supervisor';
import { useReturnToBot } from '../api/handoff';
import { ConsultDialog } from './consult-dialog';
import { ForceCloseDialog } from './force-close-dialog';
import { ReassignDialog } from './reassign-dialog';
import { TransferDialog } from './transfer-dialog';
import { ErrorMessage } from '@/components/ui/error-text';
import { Button } from '@/components/ui/button';

/** Accept, Transfer, Consult, Return to bot, End conversation and, for supervisors, Force close: each where its policy allows. */
export function ConversationActions({ conversation, agent }: { conversation: ConversationSummary; agent: AgentView }) {
  const accept = useAcceptConversation();
  const close = useCloseConversation();
  const t = useTranslations('actions');
  const supervise = useTranslations('supervisor');
  const assign = useAssignConversation();
  const [dialog, setDialog] = useState<'transfer' | 'consult' | 'force-close' | 'reassign' | null>(null);
  const returnToBot = useReturnToBot();
  const error = accept.error ?? close.error ?? assign.error ?? returnToBot.error;

  return (
    <div className="flex items-center gap-2">
      {error && (
        <span role="alert" className="text-sm text-red-700 dark:text-red-400">
          <ErrorMessage error={error} />
        </span>
      )}
      {canTransfer(agent, conversation) && (
        <Button variant="secondary" onClick={() => setDialog('transfer')}>
          {t('transfer')}
        </Button>
      )}
      {canConsult(agent, conversation) && (
        <Button variant="secondary" onClick={() => setDialog('consult')}>
          {t('consult')}
        </Button>
      )}
      {canReturnToBot(agent, conversation) && (
        <Button variant="secondary" disabled={returnToBot.isPending} onClick={() => returnToBot.mutate(conversation.id)}>
          {t('returnToBot')}
        </Button>
      )}
      {canEnd(agent, conversation) && (
        <Button variant="secondary" disabled={close.isPending} onClick={() => close.mutate({ conversationId: conversation.id })}>
          {t('end')}
        </Button>
      )}
      {canTakeOver(agent, conversation) && (
        <Button
          variant="secondary"
          disabled={assign.isPending}
          onClick={() => assign.mutate({ conversationId: conversation.id, agentId: agent.id })}
        >
          {supervise('takeOver')}
        </Button>
      )}
      {canReassign(agent, conversation) && (
        <Button variant="secondary" onClick={() => setDialog('reassign')}>
          {supervise('reassign')}
        </Button>
      )}
      {canForceClose(agent, conversation) && (
        <Button variant="secondaryDanger" onClick={() => setDialog('force-close')}>
          {t('forceClose')}
        </Button>
      )}
      {canAccept(conversation) && (
        <Button
          variant="success"
          size="none"
          disabled={accept.isPending}
          onClick={() => accept.mutate(conversation)}
          className="px-4 py-1.5"
        >
          {t('accept')}
        </Button>
      )}
      {dialog === 'transfer' && <TransferDialog conversation={conversation} agent={agent} onClose={() => setDialog(null)} />}
      {dialog === 'consult' && <ConsultDialog conversation={conversation} agent={agent} onClose={() => setDialog(null)} />}
      {dialog === 'force-close' && <ForceCloseDialog conversation={conversation} onClose={() => setDialog(null)} />}
      {dialog === 'reassign' && <ReassignDialog conversation={conversation} onClose={() => setDialog(null)} />}
    </div>
  );
}
