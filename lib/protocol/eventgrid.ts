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

// Seed 001 marks nearly every field nullable, and the service does send `null` (`"media": null` on
// a text message): `nullish()` wherever the seed says so. Enums (status, interactive type) are
// extensible and arrive in any case: strings here, interpreted by the channel.
const text = (max: number) => z.string().max(max).nullish();
const timestamp = text(64);

export const messageReceivedSchema = z.looseObject({
  channelType: text(32),
  messageId: text(256),
  // Nullable per the seed; a message from nobody cannot be answered, so the channel rejects it.
  from: text(64),
  to: text(256),
  receivedTimestamp: timestamp,
  content: text(65_536),
  media: z
    .looseObject({ mimeType: z.string().max(255), id: z.string().min(1).max(256), fileName: text(512), caption: text(4096), animated: z.boolean().nullish() })
    .nullish(),
  context: z.looseObject({ from: text(64), id: text(256) }).nullish(),
  button: z.looseObject({ text: text(1024), payload: text(1024) }).nullish(),
  interactive: z
    .looseObject({
      type: text(32),
      buttonReply: z.looseObject({ id: text(256), title: text(1024) }).nullish(),
      listReply: z.looseObject({ id: text(256), title: text(1024), description: text(1024) }).nullish(),
    })
    .nullish(),
  reaction: z.looseObject({ messageId: text(256), emoji: text(32) }).nullish(),
  error: z.looseObject({ channelCode: text(64), channelMessage: text(1024) }).nullish(),
});

export const deliveryStatusSchema = z.looseObject({
  messageId: text(256),
  status: text(32),
  channelType: text(32),
  from: text(256),
  to: text(256),
  receivedTimestamp: timestamp,
  error: z.looseObject({ channelCode: text(64), channelMessage: text(1024) }).nullish(),
});

export const analysisSchema = z.looseObject({
  channelType: text(32),
  from: text(64),
  to: text(256),
  receivedTimestamp: timestamp,
  originalMessage: text(65_536),
  intentAnalysis: text(4096),
  languageDetection: z.looseObject({ language: text(64), confidenceScore: z.number().nullish(), translation: text(65_536) }).nullish(),
  extractedKeyPhrases: z.array(z.string().max(256)).max(100).nullish(),
});
