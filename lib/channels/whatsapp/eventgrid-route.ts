// The Event Grid webhook for Azure Communication Services (WhatsApp): /api/eventgrid/acs. The
// custom server answers POST itself, ahead of Next.js (lib/server/direct-routes.ts).
import { answer, incomingOf, toResponse } from '../../http/incoming';
import { parseJsonText } from '../../http/parse-json';
import { handle, handleIncoming } from '../../http/respond';
import { metrics } from '../../metrics/registry';
import { assertEventGridCode, parseDelivery, validationAnswer } from './eventgrid';
import { applyAcsEvent, validateEvent } from './inbound';

/** Event Grid posts at most 1 MB per delivery. */
const MAX_BYTES = 1_048_576;

/** POST: the custom server calls this directly; the App Router through `eventGridDeliveryRoute`. */
export const eventGridDeliveryAnswer = handleIncoming(async (incoming) => {
  assertEventGridCode(incoming.url);
  // Refuses what PostgreSQL cannot store (a NUL in an event id, say) before any event is applied.
  const events = parseDelivery(parseJsonText((await incoming.bytes(MAX_BYTES)).toString('utf8')));
  const handshake = validationAnswer(events);
  if (handshake) return answer(handshake);
  events.forEach(validateEvent);
  for (const event of events) {
    const outcome = await applyAcsEvent(event);
    if (outcome !== 'ignored') metrics().activitiesReceived.inc({ channel: 'whatsapp', duplicate: String(outcome === 'duplicate') });
  }
  return answer({});
});

export async function eventGridDeliveryRoute(request: Request): Promise<Response> {
  return toResponse(await eventGridDeliveryAnswer(incomingOf(request)));
}

/** The CloudEvents webhook handshake (abuse protection). */
export const eventGridHandshakeRoute = handle(async (request) => {
  assertEventGridCode(request.url);
  const origin = request.headers.get('webhook-request-origin');
  return new Response(null, {
    status: 200,
    headers: { Allow: 'POST, OPTIONS', ...(origin && { 'WebHook-Allowed-Origin': origin, 'WebHook-Allowed-Rate': '*' }) },
  });
});
