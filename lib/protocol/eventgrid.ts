// Azure Event Grid envelopes (Event Grid schema and CloudEvents 1.0) and the ACS Advanced
// Messaging event data they carry (PROTOCOLS.md §5). The wire names are trusted, not the SDK's.
import { z } from 'zod';

const id = z.string().min(1).max(256);

export const eventGridEventSchema = z.looseObject({
  id,
  eventType: z.string().min(1).max(256),
  subject: z.string().max(1024).optional(),
  eventTime: z.string().max(64).optional(),
  data: z.unknown(),
  dataVersion: z.string().max(32).optional(),
});

export const cloudEventSchema = z.looseObject({
  id,
  type: z.string().min(1).max(256),
  source: z.string().max(1024),
  specversion: z.literal('1.0'),
  time: z.string().max(64).optional(),
  subject: z.string().max(1024).optional(),
  data: z.unknown(),
});

/** Either schema, normalised. */
export interface IncomingEvent {
  id: string;
  type: string;
  data: unknown;
}

export const VALIDATION_EVENT = 'Microsoft.EventGrid.SubscriptionValidationEvent';
export const MESSAGE_RECEIVED = 'Microsoft.Communication.AdvancedMessageReceived';
export const DELIVERY_STATUS = 'Microsoft.Communication.AdvancedMessageDeliveryStatusUpdated';
export const ANALYSIS_COMPLETED = 'Microsoft.Communication.AdvancedMessageAnalysisCompleted';

const phone = z.string().min(1).max(64);
const timestamp = z.string().max(64);

export const messageReceivedSchema = z.looseObject({
  channelType: z.string().max(32).optional(),
  messageId: z.string().max(256).optional(),
  from: phone,
  to: z.string().max(256),
  receivedTimestamp: timestamp,
  content: z.string().max(65_536).optional(),
  media: z
    .looseObject({ mimeType: z.string().max(255), id: z.string().min(1).max(256), fileName: z.string().max(512).optional(), caption: z.string().max(4096).optional(), animated: z.boolean().optional() })
    .optional(),
  context: z.looseObject({ from: z.string().max(64).optional(), id: z.string().max(256) }).optional(),
  button: z.looseObject({ text: z.string().max(1024), payload: z.string().max(1024).optional() }).optional(),
  interactive: z
    .looseObject({
      type: z.string().max(32),
      buttonReply: z.looseObject({ id: z.string().max(256), title: z.string().max(1024) }).optional(),
      listReply: z.looseObject({ id: z.string().max(256), title: z.string().max(1024), description: z.string().max(1024).optional() }).optional(),
    })
    .optional(),
  reaction: z.looseObject({ messageId: z.string().max(256), emoji: z.string().max(32) }).optional(),
});

export const deliveryStatusSchema = z.looseObject({
  messageId: z.string().min(1).max(256),
  status: z.string().min(1).max(32),
  channelType: z.string().max(32).optional(),
  from: z.string().max(256).optional(),
  to: z.string().max(256).optional(),
  receivedTimestamp: timestamp.optional(),
  error: z.looseObject({ channelCode: z.string().max(64).optional(), channelMessage: z.string().max(1024).optional() }).optional(),
});

export const analysisSchema = z.looseObject({
  from: phone,
  to: z.string().max(256).optional(),
  originalMessage: z.string().max(65_536).optional(),
  intentAnalysis: z.string().max(4096).optional(),
  languageDetection: z.looseObject({ language: z.string().max(64), confidenceScore: z.number().optional(), translation: z.string().max(65_536).optional() }).optional(),
  extractedKeyPhrases: z.array(z.string().max(256)).max(100).optional(),
});
