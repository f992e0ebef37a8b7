// Direct Line 3.0 use cases, free of HTTP: the route handlers authenticate, parse and call these.
import { env, publicUrl, sessionSecret } from '../../config/env';
import { db as defaultDb, type Db } from '../../db/client';
import { receiveCustomerActivity } from '../../activities/receive-customer-activity';
import { findConversationByExternalId, openConversation } from '../../conversations/open-conversation';
import { badRequest, forbidden, notFound, tooLarge } from '../../errors/app-error';
import { activitySchema, type WireActivity, type WireChannelAccount } from '../../protocol/activity';
import { MAX_ACTIVITY_CHARS, type DirectLineConversation } from '../../protocol/directline';
import { relayChannelId } from '../custom-webhook/relay';
import { assertMayUse, issueToken, type DirectLineCaller, type DirectLineKeys } from './credentials';
import { isCustomerVisible, toWireActivity, watermarkOf } from './wire';

export function directLineKeys(): DirectLineKeys {
  const config = env();
  return {
    secrets: config.DIRECTLINE_SECRETS ?? [],
    signingSecret: sessionSecret(config),
    tokenTtlSeconds: config.DIRECTLINE_TOKEN_TTL_SECONDS,
  };
}

export function streamUrlFor(conversationId: string, token: string): string {
  const base = publicUrl().replace(/^http/, 'ws');
  return `${base}/v3/directline/conversations/${encodeURIComponent(conversationId)}/stream?t=${encodeURIComponent(token)}`;
}

/**
 * POST /v3/directline/conversations. A secret starts a new conversation (201). A token names its
 * conversation: 200 when it was already started, 201 when this call starts it.
 */
export async function startConversation(
  caller: DirectLineCaller,
  body: { user?: WireChannelAccount },
  keys: DirectLineKeys = directLineKeys(),
  db: Db = defaultDb(),
): Promise<{ created: boolean; conversation: DirectLineConversation }> {
  const userId = caller.kind === 'token' ? caller.userId : body.user?.id;
  const userName = caller.kind === 'token' ? caller.userName : body.user?.name;
  const opened = await openConversation(db, {
    channel: 'directline',
    externalId: caller.kind === 'token' ? caller.conversationId : undefined,
    customerId: userId ?? null,
    customerName: userName ?? null,
    outboundChannelId: await relayChannelId(db),
  });
  const { token, expiresIn } = await issueToken(keys, { conversationId: opened.id, userId, userName });
  return {
    created: opened.created,
    conversation: { conversationId: opened.id, token, expires_in: expiresIn, streamUrl: streamUrlFor(opened.id, token) },
  };
}

async function requireConversation(db: Db, caller: DirectLineCaller, conversationId: string) {
  assertMayUse(caller, conversationId);
  const conversation = await findConversationByExternalId(db, 'directline', conversationId);
  if (!conversation) throw notFound('Conversation not found.', 'BadArgument');
  return conversation;
}

/** POST .../activities: the customer's activity, stored once even when the client retries it. */
export async function postActivity(
  caller: DirectLineCaller,
  conversationId: string,
  bodyText: string,
  db: Db = defaultDb(),
): Promise<{ id: string; duplicate: boolean }> {
  if (bodyText.length > MAX_ACTIVITY_CHARS) throw tooLarge('The activity is larger than 256K characters.');
  let parsed: unknown;
  try {
    parsed = JSON.parse(bodyText);
  } catch {
    throw badRequest('BadArgument', 'The body is not valid JSON.');
  }
  const activity = activitySchema.parse(parsed);
  const conversation = await requireConversation(db, caller, conversationId);
  if (caller.kind === 'token' && caller.userId && activity.from?.id && activity.from.id !== caller.userId) {
    throw forbidden('The token was issued for another user.', 'BadArgument');
  }
  const from = { ...activity.from, id: activity.from?.id ?? (caller.kind === 'token' ? caller.userId : undefined) };
  const clientActivityId = clientActivityIdOf(activity);
  const raw = { ...activity, from };
  delete raw.id;
  const received = await receiveCustomerActivity(
    conversation.id,
    {
      type: activity.type,
      dedupeKey: clientActivityId ? `directline:${conversation.id}:${clientActivityId}` : null,
      clientActivityId,
      fromId: from.id ?? null,
      fromName: from.name ?? null,
      fromRole: from.role ?? 'user',
      text: activity.text ?? null,
      textFormat: activity.textFormat ?? null,
      locale: activity.locale ?? null,
      name: activity.name ?? null,
      replyToId: activity.replyToId ?? null,
      timestamp: parseTimestamp(activity.localTimestamp ?? activity.timestamp),
      raw: raw as object,
    },
    db,
  );
  return { id: received.id, duplicate: received.duplicate };
}

/** GET .../activities?watermark=: everything after the watermark, the client's own activities included. */
export async function getActivities(
  caller: DirectLineCaller,
  conversationId: string,
  watermark: number,
  db: Db = defaultDb(),
  limit = 500,
): Promise<{ activities: WireActivity[]; watermark: string }> {
  const conversation = await requireConversation(db, caller, conversationId);
  const rows = await db.activity.findMany({
    where: { conversationId: conversation.id, seq: { gt: watermark } },
    orderBy: { seq: 'asc' },
    take: limit,
    include: { attachments: { select: { id: true, name: true, contentType: true } } },
  });
  const last = rows.at(-1)?.seq ?? Math.min(watermark, conversation.lastSeq);
  const activities = await Promise.all(rows.filter(isCustomerVisible).map(toWireActivity));
  return { activities, watermark: watermarkOf(last) };
}

function clientActivityIdOf(activity: WireActivity): string | null {
  const channelData = activity.channelData as { clientActivityID?: unknown } | undefined;
  const id = channelData?.clientActivityID;
  return typeof id === 'string' && id.length > 0 && id.length <= 256 ? id : null;
}

function parseTimestamp(value: string | undefined): Date | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
