// Direct Line 3.0 conversation and token use cases, free of HTTP.
import { db as defaultDb, type Db } from '../../db/client';
import { findConversationByExternalId, newConversationId, openConversation } from '../../conversations/open-conversation';
import { badRequest, forbidden, notFound } from '../../errors/app-error';
import type { WireChannelAccount } from '../../protocol/activity';
import type { DirectLineConversation } from '../../protocol/directline';
import { relayChannelId } from '../custom-webhook/relay';
import { assertMayUse, issueStreamToken, issueToken, type DirectLineCaller, type DirectLineKeys, type TokenClaims } from './credentials';
import { directLineKeys, streamUrlFor } from './keys';

async function conversationAnswer(keys: DirectLineKeys, claims: TokenClaims, watermark?: number): Promise<DirectLineConversation> {
  const { token, expiresIn } = await issueToken(keys, claims);
  const streamToken = await issueStreamToken(keys, claims);
  return { conversationId: claims.conversationId, token, expires_in: expiresIn, streamUrl: streamUrlFor(claims.conversationId, streamToken, watermark) };
}

/** POST tokens/generate (secret): a token for a conversation that POST /conversations will start. */
export async function generateToken(
  caller: DirectLineCaller,
  body: { user?: WireChannelAccount },
  keys?: DirectLineKeys,
): Promise<{ conversationId: string; token: string; expires_in: number }> {
  if (caller.kind !== 'secret') throw forbidden('Generating a token needs the secret.');
  const conversationId = newConversationId();
  const { token, expiresIn } = await issueToken(keys ?? (await directLineKeys()), { conversationId, userId: body.user?.id, userName: body.user?.name });
  return { conversationId, token, expires_in: expiresIn };
}

/** POST tokens/refresh (token): the same conversation and user, a new expiry. */
export async function refreshToken(caller: DirectLineCaller, keys?: DirectLineKeys) {
  if (caller.kind !== 'token') throw badRequest('BadArgument', 'Refreshing needs a token, not the secret.');
  const { token, expiresIn } = await issueToken(keys ?? (await directLineKeys()), caller);
  return { conversationId: caller.conversationId, token, expires_in: expiresIn };
}

/**
 * POST /v3/directline/conversations. A secret starts a new conversation (201). A token names its
 * conversation: 200 when it was already started, 201 when this call starts it.
 */
export async function startConversation(
  caller: DirectLineCaller,
  body: { user?: WireChannelAccount },
  keys?: DirectLineKeys,
  db: Db = defaultDb(),
): Promise<{ created: boolean; conversation: DirectLineConversation }> {
  const userId = caller.kind === 'token' ? caller.userId : body.user?.id;
  const userName = caller.kind === 'token' ? caller.userName : body.user?.name;
  const opened = await openConversation(db, {
    channel: 'directline',
    // Direct Line conversation ids are ours: the one a token names becomes the conversation's id.
    ...(caller.kind === 'token' && { id: caller.conversationId, externalId: caller.conversationId }),
    customerId: userId ?? null,
    customerName: userName ?? null,
    outboundChannelId: await relayChannelId(db),
  });
  return { created: opened.created, conversation: await conversationAnswer(keys ?? (await directLineKeys()), { conversationId: opened.id, userId, userName }) };
}

/** GET /conversations/{id}?watermark= — how a client reconnects: a fresh token and streamUrl. */
export async function reconnectConversation(
  caller: DirectLineCaller,
  conversationId: string,
  watermark: number,
  keys?: DirectLineKeys,
  db: Db = defaultDb(),
): Promise<DirectLineConversation> {
  await requireDirectLineConversation(db, caller, conversationId);
  const claims = caller.kind === 'token' ? caller : { conversationId };
  return conversationAnswer(keys ?? (await directLineKeys()), claims, watermark);
}

export async function requireDirectLineConversation(db: Db, caller: DirectLineCaller, conversationId: string) {
  assertMayUse(caller, conversationId);
  const conversation = await findConversationByExternalId(db, 'directline', conversationId);
  if (!conversation) throw notFound('Conversation not found.');
  return conversation;
}
