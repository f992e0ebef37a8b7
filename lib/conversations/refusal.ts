import type { Tx } from '../db/client';
import type { Conversation } from '../db/generated/client';
import type { AppError } from '../errors/app-error';
import type { ActingAgent } from './agent';
import { recordLifecycleEvent, type LifecycleEventName } from './lifecycle';
import { publishConversationChange } from './publish';

/**
 * A transfer or consult that could not be made still happened as far as the timeline and the
 * channel are concerned (seed 000's `…Failed` events): its transaction commits the event, and only
 * then does the caller hear the error.
 */
export class Refused {
  constructor(readonly error: AppError) {}
}

export async function refuse(
  tx: Tx,
  input: { conversation: Pick<Conversation, 'id' | 'outboundChannelId'>; name: LifecycleEventName; agent: ActingAgent; error: AppError },
): Promise<Refused> {
  const event = await recordLifecycleEvent(tx, { conversation: input.conversation, name: input.name, agent: input.agent });
  await publishConversationChange(tx, input.conversation.id, [event]);
  return new Refused(input.error);
}

/** The committed result, or the refusal's error thrown after the commit. */
export function unlessRefused<T>(result: T | Refused): T {
  if (result instanceof Refused) throw result.error;
  return result;
}
