import { assertEventGridCode, parseDelivery, validationAnswer } from '@/lib/channels/whatsapp/eventgrid';
import { applyAcsEvent, validateEvent } from '@/lib/channels/whatsapp/inbound';
import { badRequest } from '@/lib/errors/app-error';
import { handle, json, readText } from '@/lib/http/respond';
import { metrics } from '@/lib/metrics/registry';

/** Event Grid posts at most 1 MB per delivery. */
const MAX_BYTES = 1_048_576;

export const POST = handle(async (request) => {
  assertEventGridCode(request.url);
  let body: unknown;
  try {
    body = JSON.parse(await readText(request, MAX_BYTES));
  } catch (error) {
    if (error instanceof SyntaxError) throw badRequest('BadEvent', 'The body is not JSON.');
    throw error;
  }
  const events = parseDelivery(body);
  const handshake = validationAnswer(events);
  if (handshake) return json(handshake);
  events.forEach(validateEvent);
  for (const event of events) {
    const outcome = await applyAcsEvent(event);
    if (outcome !== 'ignored') metrics().activitiesReceived.inc({ channel: 'whatsapp', duplicate: String(outcome === 'duplicate') });
  }
  return json({}, { status: 200 });
});

/** The CloudEvents webhook handshake (abuse protection). */
export const OPTIONS = handle(async (request) => {
  assertEventGridCode(request.url);
  const origin = request.headers.get('webhook-request-origin');
  return new Response(null, {
    status: 200,
    headers: { Allow: 'POST, OPTIONS', ...(origin && { 'WebHook-Allowed-Origin': origin, 'WebHook-Allowed-Rate': '*' }) },
  });
});
