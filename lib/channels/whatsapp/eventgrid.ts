// Event Grid delivery: both schemas, both validation handshakes, the optional `code` secret.
import { createHash, timingSafeEqual } from 'node:crypto';
import { env } from '../../config/env';
import { badRequest, unauthorized } from '../../errors/app-error';
import { cloudEventSchema, eventGridEventSchema, VALIDATION_EVENT, type IncomingEvent } from '../../protocol/eventgrid';

/** EVENTGRID_SECRET, when set, must arrive as the query parameter `code`. */
export function assertEventGridCode(url: string): void {
  const secret = env().EVENTGRID_SECRET;
  if (!secret) return;
  const given = new URL(url).searchParams.get('code') ?? '';
  const digest = (value: string) => createHash('sha256').update(value).digest();
  if (!timingSafeEqual(digest(given), digest(secret))) throw unauthorized('The Event Grid code is missing or wrong.');
}

/** Normalises a delivery (Event Grid array, CloudEvent or CloudEvents batch) into events; 400 on any bad envelope. */
export function parseDelivery(body: unknown): IncomingEvent[] {
  const items = Array.isArray(body) ? body : [body];
  if (items.length === 0 || items.length > 5000) throw badRequest('BadEvent', 'The delivery holds no events, or too many.');
  return items.map((item, index) => {
    const isCloudEvent = typeof item === 'object' && item !== null && 'specversion' in item;
    const parsed = isCloudEvent ? cloudEventSchema.safeParse(item) : eventGridEventSchema.safeParse(item);
    if (!parsed.success) {
      throw badRequest('BadEvent', `Event ${index}: ${parsed.error.issues[0]?.path.join('.') || 'envelope'} ${parsed.error.issues[0]?.message}`);
    }
    const event = parsed.data as { id: string; type?: string; eventType?: string; data: unknown };
    return { id: event.id, type: event.type ?? event.eventType ?? '', data: event.data };
  });
}

/** The subscription handshake answer, when the delivery is one. */
export function validationAnswer(events: IncomingEvent[]): { validationResponse: string } | null {
  const validation = events.find((event) => event.type === VALIDATION_EVENT);
  if (!validation) return null;
  const code = (validation.data as { validationCode?: unknown } | null)?.validationCode;
  if (typeof code !== 'string' || code.length === 0 || code.length > 512) throw badRequest('BadEvent', 'validationCode is missing.');
  return { validationResponse: code };
}
