// The events of one Event Grid delivery, applied so that each customer's stay in the delivery's order
// while different customers' go at once (a few at a time): a delivery of 20 customers' messages then
// waits for the slowest customer, not for 20 transactions in a row, and the receiving statements of
// those running together can share one round trip (lib/activities/activity-batches.ts).
import { DELIVERY_STATUS, type IncomingEvent } from '../../protocol/eventgrid';

/** Customers applied at once; each holds a database connection while its event is applied. */
const CUSTOMERS_AT_ONCE = 4;

/**
 * Whose conversation an event touches: the customer's number, the `from` of a message or an
 * analysis, the `to` of a delivery report. Events without one share a key: applied one after another.
 */
export function customerOf(event: IncomingEvent): string {
  const data = (event.data ?? {}) as { from?: unknown; to?: unknown };
  const number = event.type === DELIVERY_STATUS ? data.to : data.from;
  return typeof number === 'string' ? number.replace(/^\+/, '') : '';
}

export async function applyInCustomerOrder(events: IncomingEvent[], apply: (event: IncomingEvent) => Promise<void>): Promise<void> {
  const byCustomer = new Map<string, IncomingEvent[]>();
  for (const event of events) {
    const key = customerOf(event);
    const own = byCustomer.get(key);
    if (own) own.push(event);
    else byCustomer.set(key, [event]);
  }
  const waiting = [...byCustomer.values()];
  const lane = async () => {
    for (let customer = waiting.shift(); customer; customer = waiting.shift()) {
      for (const event of customer) await apply(event);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CUSTOMERS_AT_ONCE, waiting.length) }, lane));
}
