// Activities in the rep's transcript, what a rep sends, and the lists around them (canned replies,
// templates, failed deliveries).
import { z } from 'zod';
import { templateMessageSchema } from '../message-template';
import { adaptiveCardSchema, heroCardSchema, suggestedActionsSchema } from '../rich-content';
import { deliveryStateSchema, instant, MAX_MESSAGE_CHARS } from './shared';

export const attachmentViewSchema = z.object({
  id: z.string(),
  name: z.string().nullable(),
  contentType: z.string(),
  size: z.number().int(),
});

const suggestedActionViewSchema = z.object({ type: z.string(), title: z.string(), value: z.string() });

export const activityViewSchema = z.object({
  id: z.string(),
  conversationId: z.string(),
  seq: z.number().int(),
  type: z.string(),
  /** Who the author is from the console's point of view. */
  author: z.enum(['customer', 'agent', 'bot', 'system']),
  fromName: z.string().nullable(),
  agentId: z.string().nullable(),
  text: z.string().nullable(),
  textFormat: z.string().nullable(),
  name: z.string().nullable(),
  timestamp: instant,
  deliveryState: deliveryStateSchema,
  deliveryError: z.string().nullable(),
  /** The id the rep's browser gave a message it sent, so the echo replaces the optimistic copy. */
  clientId: z.string().nullable(),
  attachments: z.array(attachmentViewSchema),
  /** Files the customer sent that the console could not fetch, and why. */
  fetchFailures: z.array(z.object({ name: z.string(), reason: z.string() })),
  /** An Adaptive Card answer: which card and button, and the submitted fields. */
  cardAnswer: z
    .object({ card: z.string().nullable(), action: z.string().nullable(), fields: z.array(z.object({ label: z.string(), value: z.string() })) })
    .nullable(),
  /** The customer's answer to the satisfaction survey (1–5 and an optional comment); it did not reopen the conversation. */
  surveyAnswer: z.object({ rating: z.number().int().min(1).max(5), comment: z.string().nullable() }).nullable(),
  suggestedActions: z.array(suggestedActionViewSchema),
  /** Adaptive Card JSON, rendered by the console as such. */
  cards: z.array(z.looseObject({})),
  /** Hero and thumbnail cards (a bot's): title, subtitle, text, images and buttons, shown as such. */
  heroCards: z.array(z.object({ kind: z.enum(['hero', 'thumbnail']), card: heroCardSchema })),
  editedAt: instant.nullable(),
  deletedAt: instant.nullable(),
  /** The activity this one answers (a quoted reply), when known. */
  replyToId: z.string().nullable(),
  /** A private note: agents only, never sent to the customer. */
  note: z.boolean(),
  /** When the server last changed it: a client keeps the newest copy whatever order copies arrive in. */
  updatedAt: instant,
  /** Text before the last edit or deletion: filled for supervisors only. */
  previousText: z.string().nullable().optional(),
});

/** `GET …/activities`: the page ending just before `before` (a `seq`), or the newest. */
export const transcriptQuery = z.object({
  before: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const transcriptPageSchema = z.object({
  items: z.array(activityViewSchema),
  /** Pass as `before` to load the page of older activities; null when the start is reached. */
  olderCursor: z.number().int().nullable(),
});

export const sendMessageBody = z
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

export const editMessageBody = z.object({ text: z.string().trim().min(1, 'the message is empty').max(MAX_MESSAGE_CHARS) });

/** Seed 003 "start conversation": the rep's first message to someone this conversation's channel can reach. */
export const startConversationBody = z.object({
  customerId: z.string().min(1).max(256),
  text: z.string().trim().min(1).max(MAX_MESSAGE_CHARS),
  clientId: z.string().min(8).max(64),
  template: templateMessageSchema.optional(),
});

/** The conversation a first message went to (new, or an earlier one with them). */
export const startedConversationSchema = z.object({ conversationId: z.string(), activity: activityViewSchema });

/** An approved message template of a channel (WhatsApp): its body with `{{1}}`, `{{2}}`, … and how many there are. */
export const messageTemplateViewSchema = z.object({
  name: z.string(),
  language: z.string(),
  body: z.string(),
  parameters: z.number().int(),
});

/** A reply a rep inserts with `/shortcut`; `{customer}` is filled in when inserted. */
export const cannedResponseViewSchema = z.object({ id: z.string(), shortcut: z.string(), title: z.string(), text: z.string() });

export const failedDeliveryViewSchema = z.object({
  deliveryId: z.string(),
  activityId: z.string(),
  conversationId: z.string(),
  customerName: z.string().nullable(),
  channel: z.string(),
  activityType: z.string(),
  eventName: z.string().nullable(),
  text: z.string().nullable(),
  attempts: z.number().int(),
  reason: z.string().nullable(),
  failedAt: instant.nullable(),
  lastStatusCode: z.number().int().nullable(),
});

export { templateMessageSchema };
/** A suggested action a rep sends (its `type` filled in). */
export type { CardAction } from '../rich-content';

export type AttachmentView = z.infer<typeof attachmentViewSchema>;
export type ActivityView = z.infer<typeof activityViewSchema>;
export type TranscriptQuery = z.input<typeof transcriptQuery>;
export type TranscriptPage = z.infer<typeof transcriptPageSchema>;
export type SendMessageInput = z.input<typeof sendMessageBody>;
export type EditMessageInput = z.input<typeof editMessageBody>;
export type StartConversationInput = z.input<typeof startConversationBody>;
export type StartedConversation = z.infer<typeof startedConversationSchema>;
/** A template a rep sends, its body parameters filled in (in order). */
export type TemplateMessage = z.infer<typeof templateMessageSchema>;
/** An Adaptive Card a rep sends (checked by the server against lib/protocol/rich-content.ts). */
export type AdaptiveCardView = z.input<typeof adaptiveCardSchema>;
export type MessageTemplateView = z.infer<typeof messageTemplateViewSchema>;
export type CannedResponseView = z.infer<typeof cannedResponseViewSchema>;
export type FailedDeliveryView = z.infer<typeof failedDeliveryViewSchema>;
