// Who may do what: one rule per action, used by the server to refuse (lib use cases, route guards,
// pages) and by the browser to hide what the server would refuse. Pure and structural, so that both
// sides pass their own shapes (an AgentView, a Conversation row, a ConversationSummary).
// Visibility (which conversations a rep sees at all) is lib/auth/conversation-access.ts; these rules
// assume the conversation is one the actor sees. States a command needs (closed, not active) are
// part of each rule, but the server checks them first with their own 409s.

export type Role = 'agent' | 'supervisor' | 'admin';

export interface Actor {
  id: string;
  role: Role;
}

export interface ConversationFacts {
  state: 'pending' | 'bot' | 'queued' | 'offered' | 'active' | 'wrapup' | 'closed';
  ownerId: string | null;
}

/** Supervisors and admins: the supervisor view, failed deliveries, every conversation, edit history. */
export const canSupervise = (actor: Pick<Actor, 'role'>): boolean => actor.role !== 'agent';

/** Supervisors and admins: reports and their export. */
export const canSeeReports = (actor: Pick<Actor, 'role'>): boolean => actor.role !== 'agent';

/** Admins: agents, queues, channels. */
export const canAdminister = (actor: Pick<Actor, 'role'>): boolean => actor.role === 'admin';

/** `Erase customer data` and the export of a customer's data (GDPR Art. 17 and 15): admins only. */
export const canEraseCustomer = (actor: Pick<Actor, 'role'>): boolean => actor.role === 'admin';
export const canExportCustomer = canEraseCustomer;

export const isOwner = (actor: Actor, conversation: Pick<ConversationFacts, 'ownerId'>): boolean => conversation.ownerId === actor.id;

/** The owner's commands a supervisor may also give (transfer, wrap-up, retry, ending a consult). */
export const actsForOwner = (actor: Actor, conversation: Pick<ConversationFacts, 'ownerId'>): boolean =>
  isOwner(actor, conversation) || canSupervise(actor);

/** A supervisor acting on someone else's work (written to the supervisor action log). */
export const isSupervising = (actor: Actor, conversation: Pick<ConversationFacts, 'ownerId'>): boolean =>
  canSupervise(actor) && !isOwner(actor, conversation);

const open = (conversation: ConversationFacts) => conversation.state !== 'closed' && conversation.state !== 'pending';

/** Anyone who sees a waiting conversation may accept it. */
export const canAccept = (conversation: ConversationFacts): boolean => conversation.state === 'queued' || conversation.state === 'offered';

/** Writing to the customer: the owner, or a consultant the owner added to the customer conversation. */
export const canReply = (
  actor: Actor,
  conversation: ConversationFacts & { consultants: { agentId: string; joined: boolean }[] },
): boolean => open(conversation) && (isOwner(actor, conversation) || conversation.consultants.some((c) => c.agentId === actor.id && c.joined));

/** The typing signal to the customer: the owner only. */
export const canType = (actor: Actor, conversation: ConversationFacts): boolean => isOwner(actor, conversation);

/** `End conversation`: the owner. */
export const canEnd = (actor: Actor, conversation: ConversationFacts): boolean => open(conversation) && isOwner(actor, conversation);

/** `Force close`: a supervisor, on any conversation not closed yet. */
export const canForceClose = (actor: Actor, conversation: ConversationFacts): boolean => open(conversation) && canSupervise(actor);

/** `Transfer`: the owner of an active conversation, or a supervisor (to an agent, that reassigns it). */
export const canTransfer = (actor: Actor, conversation: ConversationFacts): boolean =>
  conversation.state === 'active' && actsForOwner(actor, conversation);

/** `Consult`: the owner of an active conversation only (supervisors take over or reassign instead). */
export const canConsult = (actor: Actor, conversation: ConversationFacts): boolean =>
  conversation.state === 'active' && isOwner(actor, conversation);

/** `Return to bot`: whoever may transfer an active conversation a bot held before its handoff. */
export const canReturnToBot = (actor: Actor, conversation: ConversationFacts & { botAppId: string | null }): boolean =>
  conversation.botAppId !== null && canTransfer(actor, conversation);

/** Adding a consultant to the customer conversation: whoever may transfer it. */
export const canAddConsultant = canTransfer;

/** Ending a consult: the consultant themselves (leaving), the owner or a supervisor. */
export const canEndConsult = (actor: Actor, conversation: ConversationFacts, consultantId: string): boolean =>
  consultantId === actor.id || actsForOwner(actor, conversation);

/** `Take over`: a supervisor, on an open conversation not already theirs. */
export const canTakeOver = (actor: Actor, conversation: ConversationFacts): boolean =>
  open(conversation) && isSupervising(actor, conversation);

/** `Reassign`: a supervisor, on an open conversation. */
export const canReassign = (actor: Actor, conversation: ConversationFacts): boolean => open(conversation) && canSupervise(actor);

/** The wrap-up note after the end: who had the conversation, or a supervisor. */
export const canWrapUp = (actor: Actor, conversation: ConversationFacts): boolean =>
  conversation.state === 'closed' && actsForOwner(actor, conversation);

/** `Retry` of a failed delivery: the owner or a supervisor. */
export const canRetryDelivery = (actor: Actor, conversation: Pick<ConversationFacts, 'ownerId'>): boolean => actsForOwner(actor, conversation);

/** Editing or deleting a message: its author, and only what was sent to the customer. */
export const canReviseMessage = (actor: Actor, message: { direction: string; agentId: string | null }): boolean =>
  message.direction === 'outbound' && message.agentId === actor.id;

/** Administrators define labels and contact attributes; every rep uses them. */
export const canDefineLabels = canAdminister;
export const canDefineContactAttributes = canAdminister;

/** Any rep may label a conversation they can see, edit contacts' attributes, merge contacts and undo merges. */
export const canLabel = (actor: Pick<Actor, 'role'>): boolean => actor.role === 'agent' || actor.role === 'supervisor' || actor.role === 'admin';
export const canEditContacts = canLabel;
