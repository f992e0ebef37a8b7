import { eventFilterFor } from '@/lib/auth/conversation-access';
import { keepAgentConnected } from '@/lib/conversations/routing/connection';
import { consoleAgent } from '@/lib/http/console-request';
import { readQuery } from '@/lib/http/console-contract';
import { handle } from '@/lib/http/respond';
import { logger } from '@/lib/log/logger';
import { metrics } from '@/lib/metrics/registry';
import { consoleApi } from '@/lib/protocol/console';
import { realtimeHub } from '@/lib/realtime/hub';
import { openEventStream, parseLastEventId } from '@/lib/realtime/sse-stream';

export const dynamic = 'force-dynamic';

/**
 * Served by the custom server itself (lib/server/console-events.ts); this route answers only where
 * Next.js runs without it. Server-sent events; `Last-Event-ID` (sent by EventSource on reconnect) or `?after=` resumes. */
export const GET = handle(async (request) => {
  const agent = await consoleAgent(request);
  request.signal.addEventListener('abort', keepAgentConnected(agent.id));
  const after = parseLastEventId(request.headers.get('last-event-id') ?? readQuery(request, consoleApi.events).after ?? null);
  const gauge = metrics().openStreams;
  gauge.inc();
  request.signal.addEventListener('abort', () => gauge.dec());
  return new Response(openEventStream(realtimeHub(), after, request.signal, eventFilterFor(agent), (error) =>
      logger.warn({ err: error, agentId: agent.id }, 'console stream failed; the client resumes'),
    ), {
    headers: {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    },
  });
});
