import { randomBytes } from 'node:crypto';
import { channelToken } from './fake-identity';
import { baseUrl } from './test-env';

export function identityUrl(): string {
  const url = process.env.TEST_IDENTITY_URL;
  if (!url) throw new Error('TEST_IDENTITY_URL is not set: run the suite with `npm test`');
  return url;
}

/** A personal (1:1) Teams chat between one user and the bot, delivering to `serviceUrl`. */
export function teamsChat(serviceUrl: string, options: { group?: boolean } = {}) {
  const conversationId = options.group ? `19:${randomBytes(8).toString('hex')}@thread.v2` : `a:${randomBytes(12).toString('hex')}`;
  const user = { id: `29:${randomBytes(8).toString('hex')}`, name: 'Terry Teams', aadObjectId: randomBytes(8).toString('hex') };
  const bot = { id: '28:test-bot-app-id', name: 'Console Bot' };
  let counter = 1_600_000_000_000;
  return {
    conversationId,
    user,
    bot,
    serviceUrl,
    activity(patch: Record<string, unknown>) {
      counter += 1000;
      return {
        type: 'message',
        id: String(counter),
        timestamp: new Date().toISOString(),
        channelId: 'msteams',
        serviceUrl,
        from: user,
        recipient: bot,
        conversation: { id: conversationId, conversationType: options.group ? 'groupChat' : 'personal', tenantId: 'tenant-1', ...(options.group && { isGroup: true }) },
        channelData: { tenant: { id: 'tenant-1' } },
        locale: 'en-GB',
        ...patch,
      };
    },
  };
}

export async function postToBot(activity: Record<string, unknown>, token?: string | null) {
  const auth = token === undefined ? await channelToken(identityUrl(), { serviceUrl: activity.serviceUrl as string }) : token;
  const response = await fetch(`${baseUrl()}/api/messages`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(auth && { Authorization: `Bearer ${auth}` }) },
    body: JSON.stringify(activity),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}
