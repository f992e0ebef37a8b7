import { z } from 'zod';
import { MAX_MESSAGE_CHARS, sendAgentMessage } from '@/lib/activities/send-agent-message';
import { consoleConversationAgent } from '@/lib/http/console-access';
import { adaptiveCardSchema, suggestedActionsSchema } from '@/lib/protocol/rich-content';
import { handle, json, readJson } from '@/lib/http/respond';
import { templateMessageSchema } from '@/lib/protocol/message-template';
import { metrics } from '@/lib/metrics/registry';

const body = z
  .object({
    text: z.string().trim().max(MAX_MESSAGE_CHARS).default(''),
    clientId: z.string().min(8).max(64),
    attachmentIds: z.array(z.string().min(1).max(64)).max(10).default([]),
    suggestedActions: suggestedActionsSchema.default([]),
    cards: z.array(adaptiveCardSchema).max(5).default([]),
    note: z.boolean().default(false),
    template: templateMessageSchema.optional(),
  })
  .refine((message) => message.text.length > 0 || message.attachmentIds.length > 0 || message.cards.length > 0, {
    message: 'the message is empty',
    path: ['text'],
  });

export const POST = handle(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const agent = await consoleConversationAgent(request, params);
  const input = await readJson(request, body, 200_000);
  const activity = await sendAgentMessage({ conversationId: (await params).id, agent, ...input });
  metrics().agentMessages.inc();
  return json(activity, { status: 201 });
});
