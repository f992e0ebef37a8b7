// The Bot Framework Activity as it crosses the wire. Receivers accept unknown fields (kept in `raw`).
import { z } from 'zod';

const shortString = z.string().max(1024);

/** Links are at most this long; a data URI (files sent inline) may be as long as the upload limit takes. */
export const MAX_URL_CHARS = 8192;
/** 25 MB (MAX_UPLOAD_BYTES of lib/shared/upload-limits.ts) as base64, and its `data:…;base64,` header. */
export const MAX_DATA_URI_CHARS = Math.ceil((25 * 1024 * 1024) / 3) * 4 + 256;

const isDataUri = (value: string) => /^data:/i.test(value);

const contentUrlSchema = z
  .string()
  .max(MAX_DATA_URI_CHARS)
  .refine((value) => value.length <= MAX_URL_CHARS || isDataUri(value), `must be at most ${MAX_URL_CHARS} characters unless it is a data URI`);

export const channelAccountSchema = z.looseObject({
  id: shortString.optional(),
  name: shortString.optional(),
  aadObjectId: shortString.optional(),
  role: shortString.optional(),
});

export const attachmentSchema = z.looseObject({
  contentType: z.string().min(1).max(255),
  contentUrl: contentUrlSchema.nullish(),
  content: z.unknown().optional(),
  name: z.string().max(1024).nullish(),
  thumbnailUrl: z.string().max(MAX_URL_CHARS).nullish(),
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

/** Characters of an activity's inline files (data URIs), which its 256K-character limit does not count. */
export function dataUriChars(activity: WireActivity): number {
  return (activity.attachments ?? []).reduce((sum, attachment) => sum + (attachment.contentUrl && isDataUri(attachment.contentUrl) ? attachment.contentUrl.length : 0), 0);
}
