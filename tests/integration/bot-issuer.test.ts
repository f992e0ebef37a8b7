// The console as a bot's channel (issue 19): it publishes OpenID metadata and keys, signs tokens a
// stock botbuilder CloudAdapter accepts, and rotates its key without a moment where a bot refuses
// one. The bot is tests/support/handoff-bot.ts, trusting the console through
// BotFrameworkAuthenticationFactory.create; every verdict on a token is the SDK's own. The same bot
// through whole conversations (echo, handoff, handoff.status) is tests/integration/bot-flow.test.ts.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createLocalJWKSet, decodeProtectedHeader, exportJWK, generateKeyPair, jwtVerify, SignJWT, type JSONWebKeySet } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { freePort } from '@/lib/db/free-port';
import { ConsoleClient } from '../support/clients';
import { HandoffBot, sdkComplaints } from '../support/handoff-bot';
import { baseUrl } from '../support/test-env';
import { waitUntil } from '../support/wait-until';

const BOT_APP_ID = `handoff-bot-${randomUUID().slice(0, 8)}`;
const OTHER_APP_ID = `other-bot-${randomUUID().slice(0, 8)}`;

let bot: HandoffBot;
let otherBot: HandoffBot;
/** A second instance of the same console (same database and PUBLIC_URL) whose rotations activate after one second. */
let second: ChildProcess | undefined;
let secondUrl = '';
const admin = () => ConsoleClient.signIn('ada@demo.test');

beforeAll(async () => {
  bot = await HandoffBot.start({ appId: BOT_APP_ID, issuer: baseUrl() });
  otherBot = await HandoffBot.start({ appId: OTHER_APP_ID, issuer: baseUrl() });
  secondUrl = `http://127.0.0.1:${await freePort()}`;
  second = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts', '--no-build'], {
    env: { ...process.env, NODE_ENV: 'production', PORT: secondUrl.split(':').at(-1), CONSOLE_URL: secondUrl, BOT_KEY_PREPUBLISH_SECONDS: '1', LOG_LEVEL: 'warn' },
    stdio: 'ignore',
  });
  await waitUntil(async () => (await fetch(`${secondUrl}/api/health`).catch(() => null))?.status === 200, 90_000, 'the second instance is up');
}, 120_000);

afterAll(async () => {
  await Promise.all([bot?.stop(), otherBot?.stop()]);
  if (!second || second.exitCode !== null) return;
  const exited = new Promise((resolve) => second!.once('exit', resolve));
  second.kill('SIGTERM');
  await exited;
});

async function published(base = baseUrl()): Promise<JSONWebKeySet> {
  const config = await (await fetch(`${base}/.well-known/openid-configuration`)).json();
  return (await fetch(config.jwks_uri)).json();
}

const kids = (set: JSONWebKeySet) => set.keys.map((key) => key.kid).sort();
const lastToken = (target: HandoffBot) => target.requests.at(-1)!.authorization!.replace(/^Bearer /, '');

/** The activity a channel sends when the bot joins a conversation: stock bots answer it without replying. */
function botJoined(appId: string, serviceUrl = baseUrl()) {
  const member = { id: appId, role: 'bot' };
  return {
    type: 'conversationUpdate',
    id: randomUUID(),
    channelId: 'directline',
    serviceUrl,
    conversation: { id: `direct-${randomUUID()}` },
    from: { id: 'customer-1', role: 'user' },
    recipient: member,
    membersAdded: [member],
  };
}

async function postToBot(target: HandoffBot, activity: ReturnType<typeof botJoined>, token: string) {
  const response = await fetch(target.endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify(activity),
  });
  await response.body?.cancel();
  return { status: response.status, ran: target.received.some((received) => received.id === activity.id) };
}

describe('the console as a token issuer', () => {
  it('two instances asked for their keys at once agree on one key', async () => {
    // No key exists before this first request: each instance (and each request) may generate one, and one wins.
    const answers = await Promise.all([baseUrl(), secondUrl, baseUrl(), secondUrl].map((base) => fetch(`${base}/.well-known/jwks.json`).then((response) => response.json() as Promise<JSONWebKeySet>)));
    expect(new Set(answers.map((set) => JSON.stringify(kids(set)))).size).toBe(1);
    expect(answers[0]!.keys).toHaveLength(1);
    expect(await db().signingKey.count()).toBe(1);
  });

  it('publishes OpenID metadata and its public keys at the well-known paths', async () => {
    const config = await fetch(`${baseUrl()}/.well-known/openid-configuration`);
    expect(config.status).toBe(200);
    expect(config.headers.get('content-type')).toMatch(/^application\/json/);
    const metadata = await config.json();
    expect(metadata).toMatchObject({ issuer: baseUrl(), jwks_uri: expect.stringMatching(/^http/), id_token_signing_alg_values_supported: ['RS256'] });
    const keys = await fetch(metadata.jwks_uri);
    expect(keys.status).toBe(200);
    const set = (await keys.json()) as JSONWebKeySet;
    expect(set.keys).toHaveLength(1);
    const [key] = set.keys;
    expect(key).toMatchObject({ kty: 'RSA', use: 'sig', alg: 'RS256', kid: expect.any(String), n: expect.any(String), e: 'AQAB' });
    // Only the public half, and no endorsements (botbuilder would then demand the activity's channelId among them).
    for (const secret of ['d', 'p', 'q', 'dp', 'dq', 'qi', 'endorsements']) expect(key).not.toHaveProperty(secret);
    // The private half is sealed at rest.
    const row = await db().signingKey.findUniqueOrThrow({ where: { kid: key!.kid! } });
    expect(row.privateKey).toMatch(/^enc:v1:/);
  });

  it("a stock CloudAdapter bot accepts the console's token: an administrator's Check bot says so", async () => {
    const ada = await admin();
    const checked = await ada.call('POST', '/api/console/admin/bots/check', { endpoint: bot.endpoint, appId: BOT_APP_ID });
    expect(checked.status).toBe(200);
    expect(checked.body).toMatchObject({ outcome: 'accepted', status: 200 });
    const seen = bot.received.at(-1)!;
    expect(seen).toMatchObject({ type: 'conversationUpdate', serviceUrl: baseUrl(), recipient: { id: BOT_APP_ID } });
    const token = lastToken(bot);
    expect(decodeProtectedHeader(token)).toMatchObject({ alg: 'RS256', kid: checked.body.kid });
    const { payload } = await jwtVerify(token, createLocalJWKSet(await published()), { issuer: baseUrl(), audience: BOT_APP_ID });
    expect(payload.serviceurl).toBe(baseUrl());
    expect(payload.exp! - payload.iat!).toBeLessThanOrEqual(3600);
  });

  it('reports a bot that refuses, fails, hangs or is down; agents may not check, and a bad body is a 400', async () => {
    const ada = await admin();
    // The console's own token names BOT_APP_ID; a bot configured for another app id refuses it.
    const refused = await sdkComplaints(() => ada.call('POST', '/api/console/admin/bots/check', { endpoint: otherBot.endpoint, appId: BOT_APP_ID }));
    expect(refused.result.body).toMatchObject({ outcome: 'refused', status: 401 });
    expect(refused.complaints).toContain(`Invalid AppId passed on token: ${BOT_APP_ID}`);
    bot.failWith('error');
    try {
      expect((await ada.call('POST', '/api/console/admin/bots/check', { endpoint: bot.endpoint, appId: BOT_APP_ID })).body).toMatchObject({ outcome: 'failed', status: 500 });
    } finally {
      bot.failWith(null);
    }
    bot.failWith('hang');
    try {
      expect((await ada.call('POST', '/api/console/admin/bots/check', { endpoint: bot.endpoint, appId: BOT_APP_ID })).body).toMatchObject({ outcome: 'timeout', status: null });
    } finally {
      bot.failWith(null);
    }
    await bot.down();
    try {
      expect((await ada.call('POST', '/api/console/admin/bots/check', { endpoint: bot.endpoint, appId: BOT_APP_ID })).body).toMatchObject({ outcome: 'unreachable', status: null });
    } finally {
      await bot.up();
    }
    expect((await ada.call('POST', '/api/console/admin/bots/check', { endpoint: bot.endpoint, appId: BOT_APP_ID })).body.outcome).toBe('accepted');
    const bad = await ada.call('POST', '/api/console/admin/bots/check', { endpoint: 'ftp://bot.example', appId: BOT_APP_ID });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('BadArgument');
    const alice = await ConsoleClient.signIn('alice@demo.test');
    expect((await alice.call('POST', '/api/console/admin/bots/check', { endpoint: bot.endpoint, appId: BOT_APP_ID })).status).toBe(403);
    expect((await alice.call('POST', '/api/console/admin/bot-keys/rotate', {})).status).toBe(403);
  }, 40_000);

  it('the SDK refuses a forged token (same kid, another key), another audience, and a wrong serviceurl', async () => {
    const ada = await admin();
    expect((await ada.call('POST', '/api/console/admin/bots/check', { endpoint: bot.endpoint, appId: BOT_APP_ID })).body.outcome).toBe('accepted');
    const genuine = lastToken(bot);
    // The genuine token, posted by hand, is accepted: what changes below is all that is wrong.
    expect(await postToBot(bot, botJoined(BOT_APP_ID), genuine)).toEqual({ status: 200, ran: true });

    const { privateKey, publicKey } = await generateKeyPair('RS256');
    expect(await exportJWK(publicKey)).toHaveProperty('n');
    const forged = await new SignJWT({ serviceurl: baseUrl() })
      .setProtectedHeader({ alg: 'RS256', kid: decodeProtectedHeader(genuine).kid!, typ: 'JWT' })
      .setIssuer(baseUrl())
      .setAudience(BOT_APP_ID)
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(privateKey);
    const forgedAnswer = await sdkComplaints(() => postToBot(bot, botJoined(BOT_APP_ID), forged));
    // botbuilder-js rethrows jsonwebtoken's "invalid signature" as it is, not as an AuthenticationError,
    // so CloudAdapter answers it 500 rather than 401; either way the bot's logic never runs.
    expect(forgedAnswer.result).toEqual({ status: 500, ran: false });
    expect(forgedAnswer.complaints).toContain('invalid signature');

    // The console's genuine token for BOT_APP_ID, shown to a bot with another app id.
    const otherAudience = await sdkComplaints(() => postToBot(otherBot, botJoined(OTHER_APP_ID), genuine));
    expect(otherAudience.result).toEqual({ status: 401, ran: false });
    expect(otherAudience.complaints).toContain('Invalid AppId');
    // The genuine token with an activity naming another serviceUrl than its claim.
    const otherServiceUrl = await sdkComplaints(() => postToBot(bot, botJoined(BOT_APP_ID, 'https://elsewhere.example'), genuine));
    expect(otherServiceUrl.result).toEqual({ status: 401, ran: false });
    expect(otherServiceUrl.complaints).toContain('ServiceUrl claim do not match');
  });
});

describe('signing key rotation', () => {
  it('publishes the new key ahead of use and keeps the old one published after the switch (the instance with a 1 s pre-publication)', async () => {
    const ada = (await admin()).on(secondUrl);
    const before = kids(await published());
    expect(before).toHaveLength(1);
    const [oldKid] = before;

    const rotated = await ada.call('POST', '/api/console/admin/bot-keys/rotate', {});
    expect(rotated.status).toBe(200);
    expect(rotated.body.issuer).toBe(baseUrl());
    const fresh = rotated.body.keys.find((key: { kid: string }) => key.kid !== oldKid);
    expect(fresh).toBeDefined();
    const both = [oldKid, fresh.kid].sort();
    // Both instances publish both keys (the first within its five-second cache).
    await waitUntil(async () => JSON.stringify(kids(await published())) === JSON.stringify(both), 15_000, 'both keys published');

    // A bot that fetches the keys from the second instance (a fresh SDK key cache): once the new key
    // signs, the console's check carries it and the bot accepts it.
    const laterBot = await HandoffBot.start({ appId: BOT_APP_ID, issuer: baseUrl(), openIdMetadataUrl: `${secondUrl}/.well-known/openid-configuration` });
    try {
      const result = await waitUntil(
        async () => {
          const checked = await ada.call('POST', '/api/console/admin/bots/check', { endpoint: laterBot.endpoint, appId: BOT_APP_ID });
          expect(checked.body.outcome).toBe('accepted');
          return checked.body.kid === fresh.kid && checked.body;
        },
        20_000,
        'the new key signs',
      );
      expect(decodeProtectedHeader(lastToken(laterBot)).kid).toBe(result.kid);
    } finally {
      await laterBot.stop();
    }
    // Why the pre-publication defaults to an hour: a bot whose SDK fetched the keys before this
    // one-second rotation refetches them for an unknown kid at most hourly, and refuses meanwhile.
    const stale = await sdkComplaints(() => ada.call('POST', '/api/console/admin/bots/check', { endpoint: bot.endpoint, appId: BOT_APP_ID }));
    expect(stale.result.body).toMatchObject({ outcome: 'refused', status: 401, kid: fresh.kid });
    expect(stale.complaints).toContain('Signing Key could not be retrieved');
    // The old key is still published for the tokens it signed, and says until when.
    const keys = (await ada.call('GET', '/api/console/admin/bot-keys')).body.keys;
    expect(keys.map((key: { kid: string; state: string }) => [key.kid, key.state]).sort()).toEqual(
      [
        [oldKid, 'retiring'],
        [fresh.kid, 'signing'],
      ].sort(),
    );
    const old = keys.find((key: { kid: string }) => key.kid === oldKid);
    expect(Date.parse(old.retiresAt)).toBeGreaterThan(Date.parse(fresh.activatesAt) + 600_000);
    expect(kids(await published(secondUrl))).toEqual(both);
  }, 60_000);

  it('an administrator rotates: the new key waits an hour published, the current one still signs, tokens verify against the published set', async () => {
    const ada = await admin();
    const before = (await ada.call('GET', '/api/console/admin/bot-keys')).body.keys as { kid: string; state: string }[];
    const signing = before.find((key) => key.state === 'signing')!;

    const rotated = await ada.call('POST', '/api/console/admin/bot-keys/rotate', {});
    const pending = rotated.body.keys.find((key: { state: string }) => key.state === 'pending');
    expect(pending).toBeDefined();
    expect(Date.parse(pending.activatesAt) - Date.now()).toBeGreaterThan(3000_000);
    expect(rotated.body.keys.find((key: { kid: string }) => key.kid === signing.kid).state).toBe('signing');
    // A second click while the new key waits changes nothing.
    const again = await ada.call('POST', '/api/console/admin/bot-keys/rotate', {});
    expect(again.body.keys.map((key: { kid: string }) => key.kid).sort()).toEqual(rotated.body.keys.map((key: { kid: string }) => key.kid).sort());

    const set = await waitUntil(async () => {
      const current = await published();
      return kids(current).includes(pending.kid) && current;
    }, 15_000, 'the pending key published');
    expect(kids(set)).toEqual(expect.arrayContaining([signing.kid, pending.kid]));

    // A bot whose SDK fetched the keys before this rotation (the previous test's metadata URL: botbuilder
    // caches keys per URL for the process) still accepts the console's tokens.
    const cachedBot = await HandoffBot.start({ appId: BOT_APP_ID, issuer: baseUrl(), openIdMetadataUrl: `${secondUrl}/.well-known/openid-configuration` });
    try {
      const checked = await ada.call('POST', '/api/console/admin/bots/check', { endpoint: cachedBot.endpoint, appId: BOT_APP_ID });
      expect(checked.body).toMatchObject({ outcome: 'accepted', kid: signing.kid });
      const { protectedHeader } = await jwtVerify(lastToken(cachedBot), createLocalJWKSet(set), { issuer: baseUrl(), audience: BOT_APP_ID });
      expect(protectedHeader.kid).toBe(signing.kid);
    } finally {
      await cachedBot.stop();
    }
  });
});
