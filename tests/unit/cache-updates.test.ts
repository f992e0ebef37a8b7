import { describe, expect, it } from 'vitest';
import { belongsTo, newer } from '@/components/api/conversations';
import { mergeActivity } from '@/components/api/transcript';
import { activity, conversation } from '../support/console-views';

describe('inbox filters for live updates', () => {
  it('puts a waiting conversation under Unassigned and All, an owned one under Mine for its owner only', () => {
    const waiting = conversation({});
    expect(['mine', 'unassigned', 'all'].map((f) => belongsTo(f as never, waiting, 'me'))).toEqual([false, true, true]);
    const mine = conversation({ state: 'active', ownerId: 'me' });
    expect(['mine', 'unassigned', 'all'].map((f) => belongsTo(f as never, mine, 'me'))).toEqual([true, false, true]);
    expect(belongsTo('mine', mine, 'someone-else')).toBe(false);
    expect(belongsTo('all', conversation({ state: 'pending' }), 'me')).toBe(false);
  });

  it('counts a consult as Mine, and keeps a queue filter to its queue', () => {
    const consulting = conversation({ state: 'active', ownerId: 'owner', consultants: [{ agentId: 'me', name: 'Me', joined: false }] });
    expect(belongsTo('mine', consulting, 'me')).toBe(true);
    expect(belongsTo('mine', { ...consulting, state: 'closed' }, 'me')).toBe(false);
    const inBilling = conversation({ queueId: 'billing' });
    expect(belongsTo('all', inBilling, 'me', 'billing')).toBe(true);
    expect(belongsTo('all', inBilling, 'me', 'general')).toBe(false);
    expect(belongsTo('unassigned', inBilling, 'me', '')).toBe(true);
  });
});

describe('conversation copies', () => {
  it('keep the newer one: higher version, then more activity', () => {
    const accepted = conversation({ version: 2, lastSeq: 3, state: 'active' });
    const stale = conversation({ version: 1, lastSeq: 3 });
    expect(newer(stale, accepted)).toBe(accepted);
    expect(newer(accepted, stale)).toBe(accepted);
    const moreActivity = conversation({ version: 2, lastSeq: 4 });
    expect(newer(accepted, moreActivity)).toBe(moreActivity);
    const read = conversation({ version: 2, lastSeq: 3, state: 'active', unreadCount: 0 });
    expect(newer(accepted, read)).toBe(read);
  });
});

describe('transcript merging', () => {
  it('replaces the optimistic copy with the server echo of the same client id, in seq order', () => {
    const page = {
      items: [activity({ id: 'a1', seq: 1 }), activity({ id: 'pending:k', seq: Number.MAX_SAFE_INTEGER, clientId: 'k', deliveryState: 'sending' })],
      olderCursor: null,
    };
    const merged = mergeActivity(page, activity({ id: 'a2', seq: 2, clientId: 'k', deliveryState: 'sent' }));
    expect(merged?.items.map((item) => [item.id, item.deliveryState])).toEqual([
      ['a1', 'none'],
      ['a2', 'sent'],
    ]);
  });

  it('keeps the newer copy when an older one arrives late (the event overtook the HTTP answer)', () => {
    const page = { items: [activity({ id: 'a1', deliveryState: 'sent', updatedAt: '2026-01-01T00:00:02.000Z' })], olderCursor: null };
    const late = activity({ id: 'a1', deliveryState: 'sending', updatedAt: '2026-01-01T00:00:01.000Z' });
    expect(mergeActivity(page, late)?.items[0]?.deliveryState).toBe('sent');
  });

  it('ignores a duplicate event', () => {
    const page = { items: [activity({ id: 'a1' })], olderCursor: null };
    expect(mergeActivity(mergeActivity(page, activity({ id: 'a1' })), activity({ id: 'a1' }))?.items).toHaveLength(1);
  });
});
