import type { Tx } from '../../db/client';
import type { SupervisorActionKind } from '../../db/generated/client';
import type { ActingAgent } from '../agent';
import { recordAudit } from '../../audit/record-audit';

/** One line of the supervisor action log, written in the action's own transaction. */
export async function recordSupervisorAction(
  tx: Tx,
  input: { supervisor: ActingAgent; kind: SupervisorActionKind; conversationId: string; agentId?: string | null; note?: string | null },
): Promise<void> {
  await tx.supervisorAction.create({
    data: {
      supervisorId: input.supervisor.id,
      kind: input.kind,
      conversationId: input.conversationId,
      agentId: input.agentId ?? null,
      note: input.note ?? null,
    },
  });
  await recordAudit(tx, {
    actor: input.supervisor,
    action: `conversation.${input.kind}`,
    target: `conversation:${input.conversationId}`,
    after: { agentId: input.agentId ?? null, note: input.note ?? null },
  });
}
