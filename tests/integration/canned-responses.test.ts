import { describe, expect, it } from 'vitest';
import { ConsoleClient } from '../support/clients';

describe('canned responses', () => {
  it('lists the seeded defaults to a signed-in rep, by shortcut', async () => {
    const alice = await ConsoleClient.signIn('alice@demo.test');
    const response = await alice.call('GET', '/api/console/canned-responses');
    expect(response.status).toBe(200);
    const items = response.body.items as { shortcut: string; title: string; text: string }[];
    expect(items.map((item) => item.shortcut)).toEqual(expect.arrayContaining(['closing', 'greeting', 'hold', 'order']));
    expect(items.map((item) => item.shortcut)).toEqual([...items.map((item) => item.shortcut)].sort());
    expect(items.find((item) => item.shortcut === 'greeting')).toMatchObject({ title: 'Greeting', text: expect.stringContaining('{customer}') });
  });

  it('is for signed-in reps only', async () => {
    const response = await new ConsoleClient().call('GET', '/api/console/canned-responses');
    expect(response.status).toBe(401);
    expect(response.body.error.code).toEqual(expect.any(String));
  });
});
