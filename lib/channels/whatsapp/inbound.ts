// ACS Advanced Messaging events (WhatsApp) from Event Grid: messages, delivery statuses, analysis.
// Event Grid delivers at least once and out of order: every event is applied once, keyed on its id.
// An event whose data cannot be used is rejected on its own (kept in RejectedEvent, logged); the
// rest of its delivery is applied (docs/architecture.md, "Event Grid deliveries").
import { z } from 'zod';
import { applyDeliveryReport, type DeliveryReport } from '../../activities/delivery-status';
import { receiveCustomerActivity, receiveIfConversationExists } from '../../activities/receive-customer-activity';
import { channelTimestamp } from '../../activities/timestamp';
import { receiveWithContent } from '../../activities/receive-with-content';
import { defaultChannelId } from '../../conversations/defaults';
import { openConversation } from '../../conversations/open-conversation';
import { phoneIdentifier } from '../../contacts/verified-identifier';
import { publishConversationChange } from '../../conversations/publish';
import { db as defaultDb, type Db } from '../../db/client';
import type { Prisma } from '../../db/generated/client';
import { isUniqueViolation } from '../../db/prisma-errors';
import { transaction } from '../../db/transaction';
import { isRefusal } from '../../errors/app-error';
import {
  ANALYSIS_COMPLETED,
  analysisSchema,
  DELIVERY_STATUS,
  deliveryStatusSchema,
  MESSAGE_RECEIVED,
  messageReceivedSchema,
  type IncomingEvent,
} from '../../protocol/eventgrid';
import { rejectChannelEvent } from '../rejected-events';
import { whatsAppMedia } from './media';
import { whatsAppSurveyAnswer } from './survey';

export type EventOutcome = 'applied' | 'duplicate' | 'ignored' | 'rejected';

/** An event whose data the console cannot use: Event Grid redelivering it would not help. */
class UnusableEvent extends Error {}

function parseData<T>(schema: z.ZodType<T>, event: IncomingEvent): T {
  const parsed = schema.safeParse(event.data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UnusableEvent(`data.${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`.replace('data.:', 'data:'));
  }
  return parsed.data;
}

function senderOf(data: { from?: string | null }): string {
  if (!data.from) throw new UnusableEvent('data.from is missing: a message from nobody cannot be answered.');
  return data.from;
}

/** Applies one event; a rejected one is recorded, anything else thrown (a database or ACS failure). */
export async function applyAcsEvent(event: IncomingEvent, db: Db = defaultDb()): Promise<EventOutcome> {
  try {
    return await applyEvent(event, db);
  } catch (error) {
    // A refusal of the domain's (media too large, say) is as final as bad data.
    const final = error instanceof UnusableEvent || isRefusal(error);
    if (!final) throw error;
    await rejectChannelEvent(db, { channel: 'whatsapp', key: `eventgrid:${event.id}`, eventType: event.type, reason: (error as Error).message, data: event.data });
    return 'rejected';
  }
}

async function applyEvent(event: IncomingEvent, db: Db): Promise<EventOutcome> {
  if (event.type === MESSAGE_RECEIVED) return messageReceived(event, parseData(messageReceivedSchema, event), db);
  if (event.type === DELIVERY_STATUS) {
    const report = deliveryReport(parseData(deliveryStatusSchema, event));
    if (!report) return 'ignored';
    return onceOnly(event, db, async (tx) => void (await applyDeliveryReport(tx, report)));
  }
  if (event.type === ANALYSIS_COMPLETED) {
    // The analysis may overtake the message it analyses: the conversation is opened either way.
    const parsed = parseData(analysisSchema, event);
    const data = { ...parsed, from: senderOf(parsed) };
    const channelId = await defaultChannelId(db, 'whatsapp');
    // Its `to` names the analysing resource, not the business number: match on the customer.
    const conversation =
      (await db.conversation.findFirst({ where: { channelId, customerId: data.from }, orderBy: { lastActivityAt: 'desc' }, select: { id: true } })) ??
      (await whatsappConversation(db, data));
    return onceOnly(event, db, (tx) => analysisCompleted(tx, conversation.id, data));
  }
  return 'ignored';
}

interface Parties {
  from: string;
  to?: string | null;
}

const externalIdOf = (data: Parties) => `${data.to ?? 'whatsapp'}:${data.from}`;

async function whatsappConversation(db: Db, data: Parties) {
  return openConversation(db, {
    channel: 'whatsapp',
    externalId: externalIdOf(data),
    customerId: data.from,
    customerName: `+${data.from.replace(/^\+/, '')}`,
    // ACS delivered the message from this number: WhatsApp vouches for it.
    verified: phoneIdentifier(data.from),
    channelData: { businessNumber: data.to ?? null } as Prisma.InputJsonObject,
    outboundChannelId: await defaultChannelId(db, 'whatsapp'),
  });
}

type MessageData = z.infer<typeof messageReceivedSchema>;

/** What the rep reads: the text, a caption, the chosen button, or the list item with its description. */
function messageText(data: MessageData): string | null {
  const list = data.interactive?.listReply;
  const listText = list ? [list.title ?? list.id, list.description].filter(Boolean).join('\n') : null;
  const button = data.interactive?.buttonReply;
  return (
    data.content ??
    data.media?.caption ??
    data.button?.text ??
    data.button?.payload ??
    (button ? (button.title ?? button.id) : null) ??
    (listText || null) ??
    (data.reaction?.emoji ? `Reacted ${data.reaction.emoji}` : null)
  );
}

async function messageReceived(event: IncomingEvent, parsed: MessageData, db: Db): Promise<EventOutcome> {
  const dedupeKey = `eventgrid:${event.id}`;
  const data = { ...parsed, from: senderOf(parsed) };
  const text = messageText(data);
  const quotedId = data.context?.id ?? null;
  const activity = {
    type: 'message',
    dedupeKey,
    externalId: data.messageId ?? null,
    fromId: data.from,
    fromName: `+${data.from.replace(/^\+/, '')}`,
    fromRole: 'user',
    text,
    timestamp: channelTimestamp(data.receivedTimestamp),
    replyToId: quotedId,
    raw: data as Prisma.InputJsonObject,
    surveyAnswer: whatsAppSurveyAnswer(data),
  };
  // A plain message to a known conversation, the usual case, is one statement (and a replay of it
  // one unique violation); files, quotes and new customers need the conversation first.
  if (!data.media && !quotedId) {
    const received = await receiveIfConversationExists({ channel: 'whatsapp', externalId: externalIdOf(data) }, activity, db);
    if (received) return received.duplicate ? 'duplicate' : 'applied';
  }
  // Before opening anything for an event already applied (receiveWithContent also checks, before fetching).
  if (await db.activity.findUnique({ where: { dedupeKey }, select: { id: true } })) return 'duplicate';
  const conversation = await whatsappConversation(db, data);
  const quoted = quotedId ? await db.activity.findFirst({ where: { conversationId: conversation.id, externalId: quotedId }, select: { id: true } }) : null;
  const input = { ...activity, replyToId: quoted?.id ?? activity.replyToId };
  const received = data.media
    ? await receiveWithContent(conversation.id, input, { media: [whatsAppMedia(data.media)], card: null }, db)
    : await receiveCustomerActivity(conversation.id, input, db);
  return received.duplicate ? 'duplicate' : 'applied';
}

/** Applies an effect and records the event's id in one transaction; a replay changes nothing. */
async function onceOnly(event: IncomingEvent, db: Db, effect: (tx: Prisma.TransactionClient) => Promise<void>): Promise<EventOutcome> {
  try {
    await transaction(db, async (tx) => {
      await tx.processedEvent.create({ data: { key: `eventgrid:${event.id}` } });
      await effect(tx);
    });
    return 'applied';
  } catch (error) {
    if (isUniqueViolation(error)) return 'duplicate';
    throw error;
  }
}

/** ACS statuses are an extensible enum in any case (`delivered`, `Delivered`); `warning`, `unknown` and the like change nothing. */
const STATUSES = new Map<string, DeliveryReport['state']>([
  ['sent', 'sent'],
  ['delivered', 'delivered'],
  ['read', 'read'],
  ['failed', 'failed'],
]);

function deliveryReport(data: z.infer<typeof deliveryStatusSchema>): DeliveryReport | null {
  const state = STATUSES.get((data.status ?? '').toLowerCase());
  if (!state || !data.messageId) return null;
  const code = data.error?.channelCode;
  const reason = data.error ? `WhatsApp${code ? ` ${code}` : ''}: ${data.error.channelMessage ?? 'failed'}` : 'WhatsApp reported a failure';
  return { externalId: data.messageId, state, error: state === 'failed' ? reason : null };
}

async function analysisCompleted(tx: Prisma.TransactionClient, conversationId: string, data: z.infer<typeof analysisSchema>) {
  const conversation = await tx.conversation.findUniqueOrThrow({ where: { id: conversationId } });
  const analysis = {
    language: data.languageDetection?.language ?? null,
    confidence: data.languageDetection?.confidenceScore ?? null,
    translation: data.languageDetection?.translation ?? null,
    intent: data.intentAnalysis ?? null,
    keyPhrases: data.extractedKeyPhrases ?? [],
    originalMessage: data.originalMessage ?? null,
  };
  await tx.conversation.update({
    where: { id: conversation.id },
    data: { channelData: { ...((conversation.channelData as Prisma.JsonObject | null) ?? {}), analysis } },
  });
  await publishConversationChange(tx, conversation.id);
}
