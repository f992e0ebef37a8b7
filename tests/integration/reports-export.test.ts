// Exports of a period's episodes at any size (README "Reports"): the JSON rows come a keyset page
// at a time with a cursor, the CSV streams them in reads of REPORT_EXPORT_PAGE_ROWS (3 in tests, so
// a few episodes already take several reads), and a customer name a spreadsheet would run as a
// formula reaches the CSV neutralised. Customers write over Direct Line; a supervisor exports.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { ConsoleClient, customerSays, startDirectLine } from '../support/clients';
import { csvCellsOf, parseCsv } from '../support/csv';

type Row = Record<string, unknown> & { conversationId: string; episode: number; queuedAt: string; customer: string | null };

const period = new URLSearchParams({
  from: new Date(Date.now() - 60_000).toISOString(),
  to: new Date(Date.now() + 3_600_000).toISOString(),
}).toString();

/** Names a spreadsheet would take for a formula (OWASP CSV injection), and two harmless ones. */
const HOSTILE = ['=HYPERLINK("http://evil.test","open")', '+1 555 0100', '-2+3+cmd|\' /C calc\'!A0', '@SUM(A1:A9)', '\tTabbed'];
const NAMES = [...HOSTILE, 'Plain Customer', 'Doe, "Jo"', 'O=K inside'];

let sam: ConsoleClient;
const conversations: string[] = [];

beforeAll(async () => {
  sam = await ConsoleClient.signIn('sam@demo.test');
  for (const [index, name] of NAMES.entries()) {
    const user = { id: `export-${index}`, name };
    const start = await startDirectLine(user);
    await customerSays(start, `Hello, this is customer ${index}.`, user);
    conversations.push(start.conversationId);
  }
});
afterAll(() => db().$disconnect());

async function page(query: string) {
  return sam.call('GET', `/api/console/reports/conversations?${period}${query}`);
}

/** Every page of the JSON rows, `limit` at a time, following the cursor. */
async function allPages(limit: number): Promise<{ rows: Row[]; pages: number }> {
  const rows: Row[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const response = await page(`&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(response.status).toBe(200);
    rows.push(...(response.body.items as Row[]));
    cursor = response.body.nextCursor;
    pages += 1;
    expect(pages).toBeLessThan(50);
  } while (cursor);
  return { rows, pages };
}

describe('the JSON rows, a page at a time', () => {
  it('walks the period with the cursor: every episode once, oldest entry first, the same rows as one big page', async () => {
    const { rows, pages } = await allPages(3);
    expect(pages).toBe(Math.ceil(NAMES.length / 3));
    expect(rows.map((r) => r.conversationId).sort()).toEqual([...conversations].sort());
    const order = rows.map((r) => r.queuedAt);
    expect(order).toEqual([...order].sort());
    const whole = await page('&limit=1000');
    expect(whole.body.nextCursor).toBeNull();
    expect(rows).toEqual(whole.body.items);
    // The default page holds them all here, and says there is no more.
    expect((await page('')).body).toMatchObject({ items: whole.body.items, nextCursor: null });
  });

  it('refuses a cursor it did not hand out and a page size out of bounds with a 400', async () => {
    for (const query of ['&cursor=nonsense', `&cursor=${Buffer.from('["2026-01-01T00:00:00.000Z","1 OR 1=1"]').toString('base64url')}`]) {
      const response = await page(query);
      expect(response.status, query).toBe(400);
      expect(response.body.error).toMatchObject({ code: 'BadCursor', message: expect.any(String) });
    }
    for (const query of ['&limit=0', '&limit=1001', '&limit=ten']) {
      const response = await page(query);
      expect(response.status, query).toBe(400);
      expect(response.body.error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
    }
  });
});

describe('the CSV export', () => {
  it('streams the same rows as the JSON pages, with formula-like names neutralised by a leading quote', async () => {
    const response = await fetch(sam.url(`/api/console/reports/conversations.csv?${period}`), { headers: { Cookie: sam.cookieHeader() } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    const text = await response.text();
    expect(text.endsWith('\r\n')).toBe(true);
    const [header, ...lines] = parseCsv(text);
    const { rows } = await allPages(2);
    expect(lines).toHaveLength(NAMES.length);
    expect(lines.map((line) => line[header!.indexOf('conversation_id')])).toEqual(rows.map((r) => r.conversationId));

    const neutralised = (key: string, text: string) => (key === 'customer' && HOSTILE.includes(text) ? `'${text}` : text);
    for (const { key, index, column, actual, expected } of csvCellsOf(header!, lines, rows, neutralised)) {
      expect(column, key).toBeGreaterThanOrEqual(0);
      expect(actual, `${key} of row ${index}`).toBe(expected);
    }
    const customers = lines.map((line) => line[header!.indexOf('customer')]!);
    for (const name of HOSTILE) expect(customers).toContain(`'${name}`);
    // Nothing in the file starts a cell with a formula character, quoted or not.
    for (const cell of lines.flat()) expect(cell, cell).not.toMatch(/^[=+@\t\r]|^-(?!\d)/);
    expect(customers).toContain('Plain Customer');
    expect(customers).toContain('O=K inside');
    expect(text).toContain('"Doe, ""Jo"""');
  });
});
