// The Event Grid webhook for Azure Communication Services (WhatsApp): /api/eventgrid/acs. The
// custom server answers POST itself, ahead of Next.js (lib/server/direct-routes.ts).
import { AppError } from '../../errors/app-error';
import { answer, incomingOf, toResponse } from '../../http/incoming';
import { parseJsonText } from '../../http/parse-json';
import { handle, handleIncoming } from '../../http/respond';
import { metrics } from '../../metrics/registry';
import { assertEventGridCode, parseDelivery, validationAnswer } from './eventgrid';
import { logger } from '../../log/logger';
import { applyInCustomerOrder } from './customer-order';
import { applyAcsEvent } from './inbound';

/** Event Grid posts at most 1 MB per delivery. */
const MAX_BYTES = 1_048_576;
/** Event Grid's own schedule decides when it redelivers; this is a hint for other callers. */
const RETRY_AFTER_SECONDS = 10;

/**
 * POST: the custom server calls this directly; the App Router through `eventGridDeliveryRoute`.
 * Event Grid never redelivers a 400, so only a delivery that is not Event Grid's at all (not JSON,
 * a bad envelope) gets one. An event whose data is unusable is rejected on its own and the rest
 * applied (200): each customer's events in the delivery's order, different customers' at once
 * (./customer-order.ts). Should applying one fail otherwise (the database, ACS), the others are
 * still applied and the answer is a 503 (logged once, as a warning): Event Grid redelivers, and
 * what was applied is a duplicate.
 */
export const eventGridDeliveryAnswer = handleIncoming(async (incoming) => {
  assertEventGridCode(incoming.url);
  // Refuses what PostgreSQL cannot store (a NUL in an event id, say) before any event is applied.
  const events = parseDelivery(parseJsonText((await incoming.bytes(MAX_BYTES)).toString('utf8')));
  const handshake = validationAnswer(events);
  if (handshake) return answer(handshake);
  let failure: unknown = null;
  await applyInCustomerOrder(events, async (event) => {
    try {
      const outcome = await applyAcsEvent(event);
      if (outcome === 'applied' || outcome === 'duplicate') metrics().activitiesReceived.inc({ channel: 'whatsapp', duplicate: String(outcome === 'duplicate') });
    } catch (error) {
      logger.warn({ err: error, eventId: event.id, eventType: event.type }, 'Event Grid event not applied; the delivery will be retried');
      failure ??= error;
    }
  });
  if (failure) throw failure instanceof AppError ? failure : new AppError('ServiceUnavailable', 'Some events could not be applied yet; deliver them again.', RETRY_AFTER_SECONDS);
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
