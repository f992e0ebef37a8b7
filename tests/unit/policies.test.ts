// The policies as a table: for each action, who may take it on a conversation in each state. The
// server refuses and the browser hides from these same functions; the authorization matrix
// (tests/integration/authorization-matrix.test.ts) checks the routes against the same rules.
import { describe, expect, it } from 'vitest';
import {
  canAccept,
  canAddConsultant,
  canAdminister,
  canConsult,
  canEnd,
  canEndConsult,
  canForceClose,
  canReassign,
  canReply,
  canRetryDelivery,
  canReviseMessage,
  canSupervise,
  canTakeOver,
  canTransfer,
  canType,
  canWrapUp,
  type Actor,
  type ConversationFacts,
} from '@/lib/shared/policies';

const owner: Actor = { id: 'alice', role: 'agent' };
const colleague: Actor = { id: 'bob', role: 'agent' };
const supervisor: Actor = { id: 'sam', role: 'supervisor' };
const admin: Actor = { id: 'ada', role: 'admin' };
const supervisorOwner: Actor = { id: 'sam', role: 'supervisor' };
const ACTORS = { owner, colleague, supervisor, admin } as const;
type Who = keyof typeof ACTORS;

const STATES: ConversationFacts['state'][] = ['queued', 'offered', 'active', 'closed'];
/** Queued and offered conversations have no owner; active and closed ones are Alice's. */
const conversationIn = (state: ConversationFacts['state']): ConversationFacts => ({
  state,
  ownerId: state === 'queued' || state === 'offered' ? null : owner.id,
});

type Rule = (actor: Actor, conversation: ConversationFacts) => boolean;

/** Who may, per state; a state left out means nobody. */
const TABLE: [string, Rule, Partial<Record<ConversationFacts['state'], Who[]>>][] = [
  ['accept', (_actor, c) => canAccept(c), { queued: ['owner', 'colleague', 'supervisor', 'admin'], offered: ['owner', 'colleague', 'supervisor', 'admin'] }],
  ['transfer', canTransfer, { active: ['owner', 'supervisor', 'admin'] }],
  ['consult', canConsult, { active: ['owner'] }],
  ['add a consultant', canAddConsultant, { active: ['owner', 'supervisor', 'admin'] }],
  ['end', canEnd, { active: ['owner'] }],
  ['type', canType, { active: ['owner'], closed: ['owner'] }],
  ['force close', canForceClose, { queued: ['supervisor', 'admin'], offered: ['supervisor', 'admin'], active: ['supervisor', 'admin'] }],
  ['take over', canTakeOver, { queued: ['supervisor', 'admin'], offered: ['supervisor', 'admin'], active: ['supervisor', 'admin'] }],
  ['reassign', canReassign, { queued: ['supervisor', 'admin'], offered: ['supervisor', 'admin'], active: ['supervisor', 'admin'] }],
  ['wrap up', canWrapUp, { closed: ['owner', 'supervisor', 'admin'] }],
  ['retry a delivery', canRetryDelivery, { queued: ['supervisor', 'admin'], offered: ['supervisor', 'admin'], active: ['owner', 'supervisor', 'admin'], closed: ['owner', 'supervisor', 'admin'] }],
  ['reply', (actor, c) => canReply(actor, { ...c, consultants: [] }), { active: ['owner'] }],
];

describe('who may do what', () => {
  for (const [action, rule, allowed] of TABLE) {
    it(`${action}`, () => {
      const actual = Object.fromEntries(
        STATES.map((state) => [state, (Object.keys(ACTORS) as Who[]).filter((who) => rule(ACTORS[who], conversationIn(state)))]),
      );
      const wanted = Object.fromEntries(STATES.map((state) => [state, allowed[state] ?? []]));
      expect(actual).toEqual(wanted);
    });
  }

  it('nobody acts on a pending conversation', () => {
    const pending: ConversationFacts = { state: 'pending', ownerId: owner.id };
    for (const [, rule] of TABLE.filter(([action]) => action !== 'type' && action !== 'retry a delivery')) {
      for (const actor of Object.values(ACTORS)) expect(rule(actor, pending)).toBe(false);
    }
  });

  it('roles: supervisors and admins supervise, only admins administer', () => {
    expect([owner, supervisor, admin].map(canSupervise)).toEqual([false, true, true]);
    expect([owner, supervisor, admin].map(canAdminister)).toEqual([false, false, true]);
  });

  it('a supervisor who owns the conversation does not take it over, but ends it as its owner', () => {
    const theirs: ConversationFacts = { state: 'active', ownerId: supervisorOwner.id };
    expect(canTakeOver(supervisorOwner, theirs)).toBe(false);
    expect(canEnd(supervisorOwner, theirs)).toBe(true);
    expect(canConsult(supervisorOwner, theirs)).toBe(true);
  });

  it('a consultant writes to the customer once the owner added them, and always ends their own consult', () => {
    const active = conversationIn('active');
    expect(canReply(colleague, { ...active, consultants: [{ agentId: colleague.id, joined: false }] })).toBe(false);
    expect(canReply(colleague, { ...active, consultants: [{ agentId: colleague.id, joined: true }] })).toBe(true);
    expect(canReply(colleague, { ...conversationIn('closed'), consultants: [{ agentId: colleague.id, joined: true }] })).toBe(false);
    expect(canEndConsult(colleague, active, colleague.id)).toBe(true);
    expect(canEndConsult(colleague, active, 'carol')).toBe(false);
    expect(canEndConsult(owner, active, colleague.id)).toBe(true);
    expect(canEndConsult(supervisor, active, colleague.id)).toBe(true);
  });

  it('only the author edits or deletes a message, and only one sent to the customer', () => {
    expect(canReviseMessage(owner, { direction: 'outbound', agentId: owner.id })).toBe(true);
    expect(canReviseMessage(supervisor, { direction: 'outbound', agentId: owner.id })).toBe(false);
    expect(canReviseMessage(owner, { direction: 'internal', agentId: owner.id })).toBe(false);
    expect(canReviseMessage(owner, { direction: 'inbound', agentId: null })).toBe(false);
  });
});
