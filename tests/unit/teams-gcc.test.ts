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

describe('a tenant in the government cloud', () => {
  it('gets the reply from the GCC host after 403 InvalidBotApiHost, with the same bot token', async () => {
    const { sendChannelReply } = await import('@/lib/channels/teams/reply');
    commercial.reply({ status: 403, body: { error: { code: 'InvalidBotApiHost', message: 'Use the GCC host' } } });
    const credentials = { tokenUrl: `${commercial.url}/oauth/token`, clientId: 'gcc-test-bot', clientSecret: 'secret' };
    const reply = { type: 'message', conversation: { id: 'a:conversation' }, replyToId: '1600', text: 'hello' };
    const { outcome, servedBy } = await sendChannelReply(credentials, `${commercial.url}/amer/`, reply as never);
    expect(outcome).toMatchObject({ kind: 'answered', status: 200 });
    expect(servedBy).toBe(`${gcc.url}/gcc/`);
    expect(commercial.requests).toHaveLength(1);
    expect(gcc.requests.map((r) => [r.path, r.headers.authorization])).toEqual([['/gcc/v3/conversations/a%3Aconversation/activities/1600', 'Bearer oauth-token-1']]);
  });
});
