import { z } from 'zod';
import { MAX_MESSAGE_CHARS } from '@/lib/activities/send-agent-message';
import { startConversation } from '@/lib/conversations/start-conversation';
import { consoleConversationAgent } from '@/lib/http/console-access';
import { handle, json, readJson } from '@/lib/http/respond';
import { templateMessageSchema } from '@/lib/protocol/message-template';

const body = z.object({
  customerId: z.string().min(1).max(256),
  text: z.string().trim().min(1).max(MAX_MESSAGE_CHARS),
  clientId: z.string().min(8).max(64),
  template: templateMessageSchema.optional(),
});

/** Seed 003 "start conversation": the rep's first message to someone this conversation's channel can reach. */
export const POST = handle(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const agent = await consoleConversationAgent(request, params);
  const { customerId, ...message } = await readJson(request, body, 50_000);
  const started = await startConversation({ fromConversationId: (await params).id, customerId, agent, message });
  return json(started, { status: 201 });
});
