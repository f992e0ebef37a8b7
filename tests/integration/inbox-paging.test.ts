import { describe, expect, it } from 'vitest';
import { ConsoleClient, customerSays, startDirectLine } from '../support/clients';

describe('inbox keyset paging', () => {
  it('returns every conversation exactly once across pages, with a search too', async () => {
    const tag = `pages${Date.now()}`;
    for (let i = 0; i < 7; i++) {
      const start = await startDirectLine({ id: `${tag}-${i}`, name: `${tag} customer ${i}` });
      await customerSays(start, `${tag} question ${i}`, { id: `${tag}-${i}`, name: `${tag} customer ${i}` });
    }
    const alice = await ConsoleClient.signIn('alice@demo.test');
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const response = await alice.call('GET', `/api/console/conversations?filter=all&limit=3&q=${tag}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      seen.push(...response.body.items.map((item: { customerName: string }) => item.customerName));
      cursor = response.body.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(7);
    expect(seen).toHaveLength(7);
  });
});
