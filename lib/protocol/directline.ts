import { z } from 'zod';
import { channelAccountSchema } from './activity';

/** Body of POST /v3/directline/conversations and tokens/generate (botframework-directlinejs sends `{"user":{}}`). */
export const startConversationSchema = z
  .looseObject({ user: channelAccountSchema.optional() })
  .optional()
  .default({});

export const watermarkSchema = z
  .string()
  .regex(/^\d{1,10}$/, 'watermark must be a non-negative integer')
  .optional()
  .transform((value) => (value === undefined ? 0 : Number(value)));

export interface DirectLineConversation {
  conversationId: string;
  token: string;
  expires_in: number;
  streamUrl: string;
}

/** Direct Line rejects a serialized activity of 256K characters or more. */
export const MAX_ACTIVITY_CHARS = 256 * 1024 - 1;
