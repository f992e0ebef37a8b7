import type { Tx } from '../db/client';
import type { Activity } from '../db/generated/client';
import { insertActivity } from '../activities/new-activity';
import type { ActingAgent } from './agent';

/** What a note written with a transfer, a consult request or at the end is about (`Activity.name`). */
export type NoteKind = 'transferNote' | 'consultNote' | 'wrapUp' | 'closeReason';

/** A private note (agents only, never sent) written as part of a conversation command. */
export async function recordAgentNote(tx: Tx, conversationId: string, agent: ActingAgent, text: string, kind: NoteKind): Promise<Activity> {
  return insertActivity(tx, conversationId, {
    type: 'message',
    direction: 'internal',
    name: kind,
    fromId: agent.id,
    fromName: agent.displayName,
    fromRole: 'agent',
    agentId: agent.id,
    text,
    textFormat: 'plain',
    raw: { type: 'message', name: kind, from: { id: agent.id, name: agent.displayName }, text },
  });
}
