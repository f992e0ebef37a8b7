// Bot Connector API v3 request bodies (shared/specs/botframework-channel.json).
import { z } from 'zod';
import { activitySchema, channelAccountSchema } from './activity';

export const conversationParametersSchema = z.looseObject({
  isGroup: z.boolean().optional(),
  bot: channelAccountSchema.optional(),
  members: z.array(channelAccountSchema).max(100).optional(),
  topicName: z.string().max(256).optional(),
  tenantId: z.string().max(256).optional(),
  activity: activitySchema.optional(),
  channelData: z.unknown().optional(),
});

export const attachmentDataSchema = z.object({
  type: z.string().min(1).max(255),
  name: z.string().max(255).optional(),
  originalBase64: z.string().min(1).max(36_000_000),
  thumbnailBase64: z.string().max(4_000_000).optional(),
});

export const transcriptSchema = z.object({ activities: z.array(activitySchema).max(1000) });

export type ConversationParameters = z.infer<typeof conversationParametersSchema>;
export type AttachmentData = z.infer<typeof attachmentDataSchema>;
