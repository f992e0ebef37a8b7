// An Event Grid delivery's events: each customer's in order, different customers' side by side.
import { describe, expect, it } from 'vitest';
import { applyInCustomerOrder, customerOf } from '@/lib/channels/whatsapp/customer-order';
import { DELIVERY_STATUS, MESSAGE_RECEIVED, type IncomingEvent } from '@/lib/protocol/eventgrid';

const message = (id: string, from: string | null): IncomingEvent => ({ id, type: MESSAGE_RECEIVED, data: { from, to: 'business' } }) as unknown as IncomingEvent;
const report = (id: string, to: string): IncomingEvent => ({ id, type: DELIVERY_STATUS, data: { from: 'business', to } }) as unknown as IncomingEvent;

describe('applyInCustomerOrder', () => {
  it('names the customer: the sender of a message, the addressee of a delivery report, with or without +', () => {
    expect(customerOf(message('1', '+15550001'))).toBe('15550001');
    expect(customerOf(report('2', '15550001'))).toBe('15550001');
    expect(customerOf(message('3', null))).toBe('');
  });

  it("keeps each customer's order whatever each event takes, and runs customers side by side, four at most", async () => {
    const customers = ['a', 'b', 'c', 'd', 'e', 'f'];
    const events = [0, 1, 2, 3].flatMap((round) => customers.map((customer) => message(`${customer}${round}`, customer)));
    events.push(message('nobody0', null), report('a-report', 'a'), message('nobody1', null));
    const seen = new Map<string, string[]>();
    let running = 0;
    let most = 0;
    await applyInCustomerOrder(events, async (event) => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 5));
      const key = customerOf(event);
      seen.set(key, [...(seen.get(key) ?? []), event.id]);
      running--;
    });
    for (const customer of customers) expect(seen.get(customer)!.filter((id) => id !== 'a-report')).toEqual([0, 1, 2, 3].map((round) => `${customer}${round}`));
    expect(seen.get('a')!.at(-1)).toBe('a-report');
    expect(seen.get('')).toEqual(['nobody0', 'nobody1']);
    expect(most).toBe(4);
  });
});
