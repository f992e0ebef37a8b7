import { describe, expect, it } from 'vitest';
import type { Activity } from '@/lib/db/generated/client';
import { attemptRecord } from '@/lib/outbound/attempt-record';
import type { ClaimedDelivery } from '@/lib/outbound/claim';

const NOW = Date.parse('2026-11-26T10:00:00.000Z');
const startedAt = new Date(NOW - 40);

function delivery(overrides: { operation?: ClaimedDelivery['operation']; attempts?: number; activity?: Partial<Activity> } = {}): ClaimedDelivery {
  return {
    id: 'd1',
    attempts: overrides.attempts ?? 0,
    operation: overrides.operation ?? 'send',
    channel: { id: 'ch', kind: 'custom', name: 'test', settings: {} },
    activity: {
      id: 'a1',
      conversationId: 'c1',
      deliveryState: 'sending',
      externalId: null,
      attachments: [],
      conversation: { id: 'c1' },
      ...overrides.activity,
    } as unknown as ClaimedDelivery['activity'],
  };
}

const record = (d: ClaimedDelivery, step: Parameters<typeof attemptRecord>[0]['step'], outcome: Parameters<typeof attemptRecord>[0]['outcome']) =>
  attemptRecord({ delivery: d, target: 'http://channel', outcome, step, startedAt, durationMs: 40, now: NOW });

describe('what one attempt records', () => {
  it('a success: the message shows Sent, the channel id is kept, nothing is due again', () => {
    const result = record(delivery(), { action: 'done' }, { kind: 'answered', status: 200, body: { id: 'ext-1' } });
    expect(result).toMatchObject({
      attempt: 1,
      statusCode: 200,
      error: null,
      status: 'succeeded',
      lastError: null,
      nextAttemptAt: null,
      finishedAt: '2026-11-26T10:00:00.000Z',
      shown: { state: 'sent', error: null },
      externalId: 'ext-1',
    });
  });

  it('a retry: the attempt and its error are kept, the message keeps showing Sending', () => {
    const result = record(delivery({ attempts: 1 }), { action: 'retry', delayMs: 2000 }, { kind: 'answered', status: 503 });
    expect(result).toMatchObject({
      attempt: 2,
      error: 'HTTP 503',
      status: 'pending',
      lastError: 'HTTP 503',
      nextAttemptAt: '2026-11-26T10:00:02.000Z',
      finishedAt: null,
      shown: null,
      externalId: null,
    });
  });

  it('giving up shows Failed with the reason', () => {
    const result = record(delivery({ attempts: 2 }), { action: 'give-up', reason: 'Channel answered 503 (3 attempts)' }, { kind: 'answered', status: 503 });
    expect(result).toMatchObject({ status: 'failed', lastError: 'Channel answered 503 (3 attempts)', shown: { state: 'failed', error: 'Channel answered 503 (3 attempts)' } });
  });

  it('never moves a message backwards, yet keeps the channel id', () => {
    const result = record(delivery({ activity: { deliveryState: 'read' } }), { action: 'done' }, { kind: 'answered', status: 200, body: { id: 'ext-2' } });
    expect(result).toMatchObject({ status: 'succeeded', shown: null, externalId: 'ext-2' });
  });

  it('an edit or deletion keeps the message state and shows a failure beside it', () => {
    const edit = record(delivery({ operation: 'update', activity: { deliveryState: 'read', externalId: 'ext-3' } }), { action: 'give-up', reason: 'HTTP 404; not retried' }, { kind: 'answered', status: 404 });
    expect(edit.shown).toEqual({ state: null, error: 'The edit did not reach the channel: HTTP 404; not retried' });
    const deletion = record(delivery({ operation: 'delete', activity: { externalId: 'ext-3' } }), { action: 'done' }, { kind: 'answered', status: 200, body: { id: 'x' } });
    expect(deletion).toMatchObject({ shown: { state: null, error: null }, externalId: null });
  });

  it('a delivery that could not be prepared gives up without an answer', () => {
    const result = record(delivery(), { action: 'give-up', reason: 'The custom channel has no webhook configured' }, null);
    expect(result).toMatchObject({ statusCode: null, error: 'The custom channel has no webhook configured', status: 'failed' });
  });
});
