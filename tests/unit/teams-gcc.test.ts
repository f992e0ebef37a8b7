import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeChannel } from '../support/fake-channel';

let commercial: FakeChannel;
let gcc: FakeChannel;

beforeAll(async () => {
  commercial = await FakeChannel.start();
  gcc = await FakeChannel.start();
  // Read once by the configuration, before the reply module first looks.
  process.env.BOT_GCC_SERVICE_URL = `${gcc.url}/gcc/`;
  process.env.BOT_APP_ID = 'gcc-test-bot';
});

afterAll(async () => {
  await commercial.stop();
  await gcc.stop();
});

const invalidHost = { status: 403, body: { error: { code: 'InvalidBotApiHost', message: 'Use the GCC host' } } };

describe('a tenant in the government cloud', () => {
  it('gets every request (reply, edit, deletion, new conversation) from the GCC host after 403 InvalidBotApiHost, with the same bot token', async () => {
    const { botRequest, activitiesPath } = await import('@/lib/channels/teams/reply');
    const credentials = { tokenUrl: `${commercial.url}/oauth/token`, clientId: 'gcc-test-bot', clientSecret: 'secret' };
    const requests = [
      { method: 'POST' as const, path: activitiesPath('a:conversation', '1600'), body: { type: 'message', text: 'hello' } },
      { method: 'PUT' as const, path: activitiesPath('a:conversation', '1700'), body: { id: '1700', type: 'message', text: 'edited' } },
      { method: 'DELETE' as const, path: activitiesPath('a:conversation', '1700') },
      { method: 'POST' as const, path: '/v3/conversations', body: { isGroup: false, members: [{ id: '29:user' }] } },
    ];
    for (const request of requests) {
      commercial.reply(invalidHost);
      const { outcome, servedBy } = await botRequest(credentials, `${commercial.url}/amer/`, request);
      expect(outcome).toMatchObject({ kind: 'answered', status: 200 });
      expect(servedBy).toBe(`${gcc.url}/gcc/`);
    }
    expect(commercial.requests.map((r) => r.method)).toEqual(['POST', 'PUT', 'DELETE', 'POST']);
    expect(gcc.requests.map((r) => [r.method, r.path, r.headers.authorization])).toEqual([
      ['POST', '/gcc/v3/conversations/a%3Aconversation/activities/1600', 'Bearer oauth-token-1'],
      ['PUT', '/gcc/v3/conversations/a%3Aconversation/activities/1700', 'Bearer oauth-token-1'],
      ['DELETE', '/gcc/v3/conversations/a%3Aconversation/activities/1700', 'Bearer oauth-token-1'],
      ['POST', '/gcc/v3/conversations', 'Bearer oauth-token-1'],
    ]);
    expect(gcc.requests[1]!.body).toEqual({ id: '1700', type: 'message', text: 'edited' });
  });
});
