import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { toCustomChannelActivity, typingActivity } from '@/lib/channels/custom-webhook/payload';
import type { Activity } from '@/lib/db/generated/client';

const fixture = (name: string) => JSON.parse(readFileSync(path.resolve('tests/fixtures', `custom-channel-webhook.${name}.json`), 'utf8'));
const CHANNEL = '7b1c4a55-2f0e-4a8e-9d0a-2c7f3f1f0a11';

function activity(patch: Partial<Activity>): Activity {
  return {
    id: 'act-1',
    conversationId: 'internal',
    seq: 1,
    type: 'message',
    direction: 'outbound',
    dedupeKey: null,
    externalId: null,
    clientActivityId: null,
    fromId: null,
    fromName: null,
    fromRole: 'agent',
    agentId: 'agent-7',
    text: null,
    textFormat: 'markdown',
    locale: null,
    name: null,
    replyToId: null,
    timestamp: new Date(),
    raw: {},
    deliveryState: 'sending',
    deliveryError: null,
    editedAt: null,
    deletedAt: null,
    previousText: null,
    createdAt: new Date(),
    updatedAt: new Date(),
    ...patch,
  };
}

function withoutId(payload: object) {
  const copy: Record<string, unknown> = { ...payload };
  delete copy.id;
  return copy;
}

describe('custom channel payloads match seed 000', () => {
  it('a rep message', () => {
    const payload = toCustomChannelActivity({
      activity: activity({ text: 'hello', fromName: 'Alice Rep' }),
      channelId: CHANNEL,
      conversationId: 'conv-0001',
      attachments: [],
    });
    expect(payload.id).toBe('act-1');
    expect(withoutId(payload)).toEqual(fixture('message'));
  });

  it('an attachment', () => {
    const payload = toCustomChannelActivity({
      activity: activity({ fromName: 'Alice Rep' }),
      channelId: CHANNEL,
      conversationId: 'conv-0001',
      attachments: [{ contentType: 'image/jpeg', contentUrl: 'https://files.example.test/attachments/issue-1.jpg', name: 'issue (1).jpg' }],
    });
    expect(withoutId(payload)).toEqual(fixture('attachment'));
  });

  it('lifecycle events, with and without the agent', () => {
    const closed = toCustomChannelActivity({ activity: activity({ type: 'event', direction: 'internal', name: 'AgentClosed' }), channelId: CHANNEL, conversationId: 'conv-0001', attachments: [] });
    expect(withoutId(closed)).toEqual(fixture('agent-closed'));
    const accepted = toCustomChannelActivity({ activity: activity({ type: 'event', direction: 'internal', name: 'AgentAccepted', agentId: null }), channelId: CHANNEL, conversationId: 'conv-0001', attachments: [] });
    expect(withoutId(accepted)).toEqual(fixture('agent-accepted'));
  });

  it('typing', () => {
    expect(withoutId(typingActivity({ id: 't', channelId: 'MessagingApi', conversationId: 'conv-0001', recipientId: 'customer-42' }))).toEqual(fixture('typing'));
  });

  it('caps string fields at 256 characters', () => {
    const payload = toCustomChannelActivity({
      activity: activity({ text: 'x'.repeat(1000), fromName: 'n'.repeat(300), agentId: 'i'.repeat(300) }),
      channelId: CHANNEL,
      conversationId: 'c'.repeat(300),
      attachments: [{ contentType: 'image/png', contentUrl: 'https://x/' + 'u'.repeat(500), name: 'f'.repeat(300) }],
    });
    expect(payload.from).toEqual({ id: 'i'.repeat(256), name: 'n'.repeat(256) });
    expect(payload.conversation.id).toHaveLength(256);
    expect(payload.attachments![0]!.name).toHaveLength(256);
    expect(payload.text).toHaveLength(1000);
  });
});
