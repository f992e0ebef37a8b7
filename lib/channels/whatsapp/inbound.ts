// ACS Advanced Messaging events (WhatsApp) from Event Grid: messages, delivery statuses, analysis.
// Event Grid delivers at least once and out of order: every event is applied once, keyed on its id.
import { z } from 'zod';
import { receiveCustomerActivity, receiveIfConversationExists } from '../../activities/receive-customer-activity';
import { storeAttachment } from '../../attachments/store-attachment';
import { defaultChannelId } from '../../conversations/defaults';
import { openConversation } from '../../conversations/open-conversation';
import { publishConversationChange } from '../../conversations/publish';
import { db as defaultDb, type Db } from '../../db/client';
import type { DeliveryState, Prisma } from '../../db/generated/client';
import { isUniqueViolation } from '../../db/prisma-errors';
import { transaction } from '../../db/transaction';
import { badRequest } from '../../errors/app-error';
import {
  ANALYSIS_COMPLETED,
  analysisSchema,
  DELIVERY_STATUS,
  deliveryStatusSchema,
  MESSAGE_RECEIVED,
  messageReceivedSchema,
  type IncomingEvent,
} from '../../protocol/eventgrid';
import { appendEvent } from '../../realtime/event-log';
import { attachmentRefs, toActivityView } from '../../views/map';
import { acsSettings, downloadMedia } from './acs-client';
import { channelTimestamp } from '../../activities/timestamp';

export type EventOutcome = 'applied' | 'duplicate' | 'ignored';

function parseData<T>(schema: z.ZodType<T>, event: IncomingEvent): T {
  const parsed = schema.safeParse(event.data);
  if (!parsed.success) throw badRequest('BadEvent', `Event ${event.id}: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

/** Checks an event's data before anything is applied, so a bad batch stores nothing. */
export function validateEvent(event: IncomingEvent): void {
  if (event.type === MESSAGE_RECEIVED) parseData(messageReceivedSchema, event);
  else if (event.type === DELIVERY_STATUS) parseData(deliveryStatusSchema, event);
  else if (event.type === ANALYSIS_COMPLETED) parseData(analysisSchema, event);
}

export async function applyAcsEvent(event: IncomingEvent, db: Db = defaultDb()): Promise<EventOutcome> {
  if (event.type === MESSAGE_RECEIVED) return messageReceived(event, parseData(messageReceivedSchema, event), db);
  if (event.type === DELIVERY_STATUS) return onceOnly(event, db, (tx) => statusUpdated(tx, parseData(deliveryStatusSchema, event)));
  if (event.type === ANALYSIS_COMPLETED) {
    // The analysis may overtake the message it analyses: the conversation is opened either way.
    const data = parseData(analysisSchema, event);
    const channelId = await defaultChannelId(db, 'whatsapp');
    // Its `to` names the analysing resource, not the business number: match on the customer.
    const conversation =
      (await db.conversation.findFirst({ where: { channelId, customerId: data.from }, orderBy: { lastActivityAt: 'desc' }, select: { id: true } })) ??
      (await whatsappConversation(db, data));
    return onceOnly(event, db, (tx) => analysisCompleted(tx, conversation.id, data));
  }
  return 'ignored';
}

const externalIdOf = (data: { to?: string; from: string }) => `${data.to ?? 'whatsapp'}:${data.from}`;

async function whatsappConversation(db: Db, data: { to?: string; from: string }) {
  return openConversation(db, {
    channel: 'whatsapp',
    externalId: externalIdOf(data),
    customerId: data.from,
    customerName: `+${data.from.replace(/^\+/, '')}`,
    channelData: { businessNumber: data.to ?? null } as Prisma.InputJsonObject,
    outboundChannelId: await defaultChannelId(db, 'whatsapp'),
  });
}

async function messageReceived(event: IncomingEvent, data: z.infer<typeof messageReceivedSchema>, db: Db): Promise<EventOutcome> {
  const dedupeKey = `eventgrid:${event.id}`;
  const text =
    data.content ??
    data.media?.caption ??
    data.button?.text ??
    data.interactive?.buttonReply?.title ??
    data.interactive?.listReply?.title ??
    (data.reaction ? `Reacted ${data.reaction.emoji}` : null);
  const activity = {
    type: 'message',
    dedupeKey,
    externalId: data.messageId ?? null,
    fromId: data.from,
    fromName: `+${data.from.replace(/^\+/, '')}`,
    fromRole: 'user',
    text,
    timestamp: channelTimestamp(data.receivedTimestamp),
    replyToId: data.context?.id ?? null,
    raw: data as Prisma.InputJsonObject,
  };
  // A plain message to a known conversation, the usual case, is one statement (and a replay of it
  // one unique violation); files, quotes and new customers need the conversation first.
  if (!data.media && !data.context) {
    const received = await receiveIfConversationExists({ channel: 'whatsapp', externalId: externalIdOf(data) }, activity, db);
    if (received) return received.duplicate ? 'duplicate' : 'applied';
  }
  // Before fetching media again, or opening anything, for an event already applied.
  if (await db.activity.findUnique({ where: { dedupeKey }, select: { id: true } })) return 'duplicate';
  const conversation = await whatsappConversation(db, data);
  const attachmentIds: string[] = [];
  if (data.media) {
    const settings = await acsSettings();
    if (!settings) throw new Error('ACS is not configured: the media cannot be fetched');
    const media = await downloadMedia(settings, data.media.id);
    const stored = await storeAttachment(
      { conversationId: conversation.id, bytes: media.bytes, contentType: data.media.mimeType || media.contentType, name: data.media.fileName ?? `whatsapp-${data.media.id}` },
      db,
    );
    attachmentIds.push(stored.id);
  }
  const quoted = data.context ? await db.activity.findFirst({ where: { conversationId: conversation.id, externalId: data.context.id }, select: { id: true } }) : null;
  const received = await receiveCustomerActivity(conversation.id, { ...activity, replyToId: quoted?.id ?? activity.replyToId }, db, attachmentIds);
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

const RANK: Record<DeliveryState, number> = { none: 0, sending: 1, failed: 1, sent: 2, delivered: 3, read: 4 };
const STATUS: Record<string, DeliveryState> = { sent: 'sent', delivered: 'delivered', read: 'read', failed: 'failed' };

/** Statuses arrive out of order: a message never moves backwards (a late `Sent` after `Read` is ignored). */
async function statusUpdated(tx: Prisma.TransactionClient, data: z.infer<typeof deliveryStatusSchema>) {
  const next = STATUS[data.status.toLowerCase()];
  if (!next) return;
  const activity = await tx.activity.findFirst({ where: { externalId: data.messageId, direction: 'outbound' } });
  if (!activity) return;
  const forward = next === 'failed' ? RANK[activity.deliveryState] < RANK.delivered : RANK[next] > RANK[activity.deliveryState];
  if (!forward) return;
  const reason = data.error ? `WhatsApp ${data.error.channelCode ?? ''}: ${data.error.channelMessage ?? 'failed'}`.replace(' :', ':') : null;
  const updated = await tx.activity.update({
    where: { id: activity.id },
    data: { deliveryState: next, deliveryError: next === 'failed' ? (reason ?? 'WhatsApp reported a failure') : null },
    include: attachmentRefs,
  });
  await appendEvent(tx, { type: 'activity.updated', conversationId: activity.conversationId, activity: toActivityView(updated) });
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
