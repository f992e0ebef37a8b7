// The Bot Framework Activity as it crosses the wire. Receivers accept unknown fields (kept in `raw`).
import { z } from 'zod';

const shortString = z.string().max(1024);

export const channelAccountSchema = z.looseObject({
  id: shortString.optional(),
  name: shortString.optional(),
  aadObjectId: shortString.optional(),
  role: shortString.optional(),
});

export const attachmentSchema = z.looseObject({
  contentType: z.string().min(1).max(255),
  contentUrl: z.string().max(8192).nullish(),
  content: z.unknown().optional(),
  name: z.string().max(1024).nullish(),
  thumbnailUrl: z.string().max(8192).nullish(),
});

export const activitySchema = z.looseObject({
  type: z.string().min(1, 'type is required').max(64),
  id: shortString.optional(),
  channelId: shortString.optional(),
  timestamp: z.string().max(64).optional(),
  localTimestamp: z.string().max(64).optional(),
  from: channelAccountSchema.optional(),
  recipient: channelAccountSchema.optional(),
  conversation: z
    .looseObject({ id: shortString.optional(), conversationType: shortString.optional(), isGroup: z.boolean().optional(), tenantId: shortString.optional() })
    .optional(),
  text: z.string().optional(),
  textFormat: z.enum(['markdown', 'plain', 'xml']).optional(),
  locale: z.string().max(64).optional(),
  name: z.string().max(256).optional(),
  replyToId: shortString.optional(),
  attachments: z.array(attachmentSchema).max(50).optional(),
  channelData: z.unknown().optional(),
  value: z.unknown().optional(),
  serviceUrl: z.string().max(2048).optional(),
  /** `conversationUpdate`: who joined or left (a removed customer means they left the chat). */
  membersAdded: z.array(channelAccountSchema).max(1000).nullish(),
  membersRemoved: z.array(channelAccountSchema).max(1000).nullish(),
});

export type WireActivity = z.infer<typeof activitySchema>;
export type WireChannelAccount = z.infer<typeof channelAccountSchema>;
