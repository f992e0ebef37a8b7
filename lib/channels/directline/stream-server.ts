// The Direct Line `streamUrl` WebSocket: ActivitySets `{activities, watermark}` after the socket's
// watermark, pushed as the realtime hub reports new activities; the rep's typing as it happens;
// empty keep-alive frames. The URL's own short-lived token is the credential. One socket per
// conversation per instance: a newer one replaces the older.
import { randomUUID } from 'node:crypto';
import { STATUS_CODES, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { isStopping } from '../../boot/stopping';
import { db } from '../../db/client';
import { AppError, badRequest, forbidden, notFound } from '../../errors/app-error';
import { errorAnswer } from '../../http/respond';
import { logger } from '../../log/logger';
import { realtimeHub } from '../../realtime/hub';
import type { StreamedEvent } from '../../views/types';
import { activitiesAfter } from './activities';
import { findConversationByExternalId } from '../../conversations/open-conversation';
import { verifyStreamToken } from './credentials';
import { directLineWireCodes } from './http';
import { directLineKeys, STREAM_PATH } from './keys';
import { CHANNEL_ID } from './wire';

const KEEP_ALIVE_MS = 15_000;

export interface DirectLineStreams {
  handles(request: IncomingMessage): boolean;
  upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Closes every open socket (1001 Going Away), waiting a little for the clients' closing frames. */
  close(): Promise<void>;
}

const CLOSE_WAIT_MS = 2_000;

export function createDirectLineStreams(): DirectLineStreams {
  const server = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  const open = new Map<string, WebSocket>();

  /** Answers the upgrade request as the HTTP routes would have (status by code, Direct Line's wording). */
  function refuse(request: IncomingMessage, socket: Duplex, error: AppError) {
    const { status, body } = errorAnswer(error, { url: request.url ?? '', method: 'GET' }, directLineWireCodes);
    const text = JSON.stringify(body);
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}\r\n` +
        `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`,
    );
  }

  async function upgrade(request: IncomingMessage, socket: Duplex, head: Buffer) {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const requested = decodeURIComponent(STREAM_PATH.exec(url.pathname)?.[1] ?? '');
    const watermark = /^\d{1,10}$/.test(url.searchParams.get('watermark') ?? '') ? Number(url.searchParams.get('watermark')) : 0;
    try {
      const claims = await verifyStreamToken(await directLineKeys(), url.searchParams.get('t') ?? '');
      if (claims.conversationId !== requested) return refuse(request, socket, forbidden('The stream token is for another conversation.'));
      const conversation = await findConversationByExternalId(db(), 'directline', requested);
      if (!conversation) return refuse(request, socket, notFound('Conversation not found.'));
      await realtimeHub().start();
      server.handleUpgrade(request, socket, head, (ws) => serve(ws, conversation.id, watermark));
    } catch (error) {
      if (error instanceof AppError) return refuse(request, socket, error);
      logger.error({ err: error }, 'Direct Line stream upgrade failed');
      refuse(request, socket, badRequest('BadArgument', 'The stream could not be opened.'));
    }
  }

  function serve(ws: WebSocket, conversationId: string, watermark: number) {
    open.get(conversationId)?.close(1000, 'replaced by a newer stream');
    open.set(conversationId, ws);
    let cursor = watermark;
    let queue = Promise.resolve();
    const send = (frame: string) => ws.readyState === ws.OPEN && ws.send(frame);
    const flush = () => {
      queue = queue
        .then(async () => {
          const set = await activitiesAfter(db(), conversationId, cursor);
          cursor = Number(set.watermark);
          if (set.activities.length > 0) send(JSON.stringify(set));
        })
        .catch((error) => {
          if (!isStopping()) logger.warn({ err: error, conversationId }, 'Direct Line stream flush failed');
        });
    };
    const onEvent = (event: StreamedEvent) => {
      if (event.conversationId !== conversationId) return;
      if (event.type === 'activity.created') flush();
      if (event.type === 'typing' && event.author === 'agent') {
        send(
          JSON.stringify({
            activities: [
              {
                type: 'typing',
                id: randomUUID(),
                channelId: CHANNEL_ID,
                timestamp: new Date().toISOString(),
                conversation: { id: conversationId },
                from: { id: event.agentId ?? 'agent', name: event.name, role: 'bot' },
              },
            ],
          }),
        );
      }
    };
    const unsubscribe = realtimeHub().subscribe((events) => events.forEach(onEvent));
    const keepAlive = setInterval(() => send(''), KEEP_ALIVE_MS);
    ws.on('message', () => {}); // clients ping with empty frames
    ws.on('close', () => {
      clearInterval(keepAlive);
      unsubscribe();
      if (open.get(conversationId) === ws) open.delete(conversationId);
    });
    ws.on('error', () => ws.terminate());
    flush();
  }

  return {
    handles: (request) => STREAM_PATH.test(new URL(request.url ?? '/', 'http://localhost').pathname),
    upgrade: (request, socket, head) => void upgrade(request, socket, head),
    async close() {
      const sockets = [...server.clients];
      const closed = sockets.map((ws) => new Promise<void>((resolve) => ws.once('close', () => resolve())));
      for (const ws of sockets) ws.close(1001, 'The server is stopping.');
      const waiting = setTimeout(() => sockets.forEach((ws) => ws.terminate()), CLOSE_WAIT_MS);
      await Promise.all(closed);
      clearTimeout(waiting);
      server.close();
    },
  };
}
