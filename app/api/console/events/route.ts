import { eventFilterFor } from '@/lib/auth/conversation-access';
import { keepAgentConnected } from '@/lib/conversations/routing/connection';
import { consoleAgent } from '@/lib/http/console-request';
import { readQuery } from '@/lib/http/console-contract';
import { handle } from '@/lib/http/respond';
import { metrics } from '@/lib/metrics/registry';
import { consoleApi } from '@/lib/protocol/console';
import { realtimeHub } from '@/lib/realtime/hub';
import { openEventStream, parseLastEventId } from '@/lib/realtime/sse-stream';

export const dynamic = 'force-dynamic';

/** Server-sent events; `Last-Event-ID` (sent by EventSource on reconnect) or `?after=` resumes. */
export const GET = handle(async (request) => {
  const agent = await consoleAgent(request);
  keepAgentConnected(agent.id, request.signal);
  const after = parseLastEventId(request.headers.get('last-event-id') ?? readQuery(request, consoleApi.events).after ?? null);
  const gauge = metrics().openStreams;
  gauge.inc();
  request.signal.addEventListener('abort', () => gauge.dec());
  return new Response(openEventStream(realtimeHub(), after, request.signal, eventFilterFor(agent)), {
    headers: {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    },
  });
});
