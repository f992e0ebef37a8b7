import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import en from '@/lib/i18n/messages/en.json';
import { attentionFor } from '@/components/console/use-notifications';
import type { ActivityView, ConsoleEvent, ConversationSummary, OfferView } from '@/lib/views/types';

const conversation = { id: 'c1', customerName: 'Dana', ownerId: 'me', consultants: [] } as unknown as ConversationSummary;
const message = { author: 'customer', type: 'message', text: 'Hi' } as ActivityView;
const t = createTranslator({ locale: 'en', messages: en, namespace: 'notifications' });
const offer = { id: 'o1', kind: 'route', state: 'pending', agentId: 'me', customerName: 'Dana', fromName: null } as OfferView;

describe('what deserves a background alert', () => {
  it('a customer message in my conversation, and offers for me', () => {
    expect(attentionFor({ type: 'activity.created', conversationId: 'c1', activity: message, conversation }, 'me', t)).toEqual({ title: 'Dana', body: 'Hi', tag: 'c1' });
    expect(attentionFor({ type: 'offer.updated', conversationId: 'c1', offer }, 'me', t)).toMatchObject({ title: 'New conversation', body: 'Dana' });
    expect(attentionFor({ type: 'offer.updated', conversationId: 'c1', offer: { ...offer, kind: 'transfer', fromName: 'Hal' } }, 'me', t)?.title).toBe('Transfer from Hal');
  });

  it('not what is someone else’s, answered, or written by an agent', () => {
    const events: ConsoleEvent[] = [
      { type: 'activity.created', conversationId: 'c1', activity: message, conversation: { ...conversation, ownerId: 'other' } },
      { type: 'activity.created', conversationId: 'c1', activity: { ...message, author: 'agent' }, conversation },
      { type: 'offer.updated', conversationId: 'c1', offer: { ...offer, agentId: 'other' } },
      { type: 'offer.updated', conversationId: 'c1', offer: { ...offer, state: 'accepted' } },
    ];
    for (const event of events) expect(attentionFor(event, 'me', t)).toBeNull();
  });
});
