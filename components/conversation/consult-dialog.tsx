'use client';

import { useState } from 'react';
import type { AgentView, ConversationSummary } from '@/lib/views/types';
import { useRequestConsult } from '../api/conversation-commands';
import { useDirectory } from '../api/directory';
import { ModalDialog, NoteField } from '../ui/modal-dialog';
import { AgentOptions } from './agent-options';

/** `Consult`: asks a colleague into a private thread; they read the conversation, the customer sees nothing. */
export function ConsultDialog({ conversation, agent, onClose }: { conversation: ConversationSummary; agent: AgentView; onClose: () => void }) {
  const directory = useDirectory();
  const consult = useRequestConsult();
  const [agentId, setAgentId] = useState('');
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const consulting = conversation.consultants.map((c) => c.agentId);

  return (
    <ModalDialog
      title="Consult"
      confirm="Consult"
      busy={consult.isPending}
      error={missing ? 'Choose a colleague.' : (consult.error?.message ?? null)}
      onClose={onClose}
      onConfirm={() => {
        if (!agentId) return setMissing(true);
        consult.mutate({ conversationId: conversation.id, agentId, note: note.trim() || undefined }, { onSuccess: onClose });
      }}
    >
      <div className="flex flex-col gap-1 text-sm">
        <label htmlFor="consult-agent">Colleague</label>
        <select
          id="consult-agent"
          value={agentId}
          onChange={(event) => {
            setAgentId(event.target.value);
            setMissing(false);
          }}
          className="rounded border border-slate-300 px-2 py-1 dark:border-slate-600 dark:bg-slate-800"
        >
          <option value="">Choose…</option>
          <AgentOptions agents={directory.data?.agents ?? []} exclude={[agent.id, conversation.ownerId, ...consulting]} />
        </select>
      </div>
      <NoteField label="Question" value={note} onChange={setNote} placeholder="What you would like help with (agents only)" />
    </ModalDialog>
  );
}
