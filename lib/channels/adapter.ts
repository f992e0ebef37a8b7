// What every channel kind provides: the one interface the domain and the outbox talk to. Everything
// that differs between channels (rules for a rep's message, the reply window, sending, typing, how
// the channel's answers are read) lives behind it, in lib/channels/<kind>/adapter.ts.
import type { Activity, Attachment, Channel, ChannelKind, Conversation, DeliveryOperation, Prisma } from '../db/generated/client';
import type { Db, Tx } from '../db/client';
import type { AttemptOutcome, RetryPolicy } from '../outbound/retry-policy';
import type { AdaptiveCard, CardAction, HeroCard } from '../protocol/rich-content';
import { surveyCard, type SurveyTexts } from '../protocol/survey';
import type { MessageTemplateView, ReachableCustomerView, TemplateMessage } from '../views/types';

export type { MessageTemplateView, TemplateMessage };
export type ReachableCustomer = ReachableCustomerView;

/** A rep's message as the console holds it, before the channel's rules split or refuse it. */
export interface MessageContent {
  text: string;
  attachmentIds: string[];
  suggestedActions: CardAction[];
  cards: AdaptiveCard[];
  /** Hero and thumbnail cards (only bots send them). */
  heroCards?: HeroCard[];
  /** An approved template instead of free text (WhatsApp outside its window); `text` is what the transcript shows. */
  template?: TemplateMessage;
}

/** The conversation columns a channel's message rules read. */
export type PlanningConversation = Pick<Conversation, 'id' | 'outboundChannelId' | 'channelData' | 'lastInboundAt'>;

/** The attachment columns a delivery needs (never the bytes). */
export type AttachmentRef = Pick<Attachment, 'id' | 'name' | 'contentType' | 'size'>;

export interface DeliveryContext {
  operation: DeliveryOperation;
  channel: Pick<Channel, 'id' | 'kind' | 'name' | 'settings'>;
  activity: Activity & { attachments: AttachmentRef[]; conversation: Conversation };
}

/** What a channel's answer changes on the conversation, written in the delivery's transaction. */
export interface ConversationChange {
  /** Sending pauses from now, for this reason (lib/channels/teams/pause.ts). */
  blockedAt?: Date;
  blockedReason?: string;
  serviceUrl?: string;
  /** The channel no longer has the delivered message: forget its id for it (later edits cannot reach it). */
  forgetChannelId?: boolean;
  /** The channel no longer has this customer message (an activity id): later replies do not thread on it. */
  forgetReplyToOf?: string;
}

export type PreparedDelivery =
  | {
      ok: true;
      target: string;
      policy: RetryPolicy;
      send(): Promise<AttemptOutcome>;
      /** The channel's reading of its answer (a block, a moved service URL), recorded with the attempt. */
      afterOutcome?(outcome: AttemptOutcome): ConversationChange | null;
    }
  | { ok: false; target: string; reason: string };

export interface TypingContext {
  channel: Pick<Channel, 'id' | 'kind' | 'name' | 'settings'>;
  conversation: Pick<Conversation, 'id' | 'externalId' | 'customerId' | 'channelId'>;
}

/** The conversation a channel opened (or found) for a rep writing first, as the console stores it. */
export interface StartedConversation {
  externalId: string;
  customerId: string;
  customerName: string | null;
  serviceUrl?: string | null;
  channelData?: Prisma.InputJsonValue;
}

/** Writing to a customer first (seed 003 "start conversation"). */
export interface ReachFirst {
  /** Whom, among the people of this conversation, the channel lets a rep write to first. */
  candidates(db: Db, conversation: Conversation): Promise<ReachableCustomer[]>;
  /** Opens (or finds) the one-to-one conversation with one of them on the channel; an AppError when the channel refuses. */
  open(db: Db, conversation: Conversation, customer: ReachableCustomer): Promise<StartedConversation>;
}

export interface ChannelAdapter {
  kind: ChannelKind;
  /** Seed 000's lifecycle events (AgentAccepted, …) are delivered to conversations on this channel. */
  takesLifecycleEvents: boolean;
  /** A rep's edit or deletion of a sent message is carried to the channel (PUT/DELETE). */
  revisesSentMessages: boolean;
  /** How long after the customer's last message the business may write freely; null: always. */
  replyWindowMs: number | null;
  /**
   * Checks a rep's message against the channel's rules (an AppError for what it refuses) and splits
   * it the way the channel would show it. Runs in the message's transaction, before anything is stored.
   */
  planMessage(tx: Tx, conversation: PlanningConversation, content: MessageContent): Promise<MessageContent[]>;
  /** How one delivery (send, update or delete) goes out. `db` is only read, outside the delivery's transaction. */
  prepareDelivery(db: Db, context: DeliveryContext): Promise<PreparedDelivery>;
  /** The rep is typing: one best-effort try (null when the channel hears typing some other way). */
  sendTyping(context: TypingContext): Promise<AttemptOutcome | null>;
  /** Writing to a customer first; null where the customer always starts (Direct Line). */
  reachFirst: ReachFirst | null;
  /** The approved message templates a rep may send (WhatsApp); null where the channel has none. */
  listTemplates: (() => Promise<MessageTemplateView[]>) | null;
  /**
   * The satisfaction survey as the channel shows it, stored and delivered like a rep's message
   * (its texts also kept under `SURVEY_KEY`); null when the channel cannot take it now.
   */
  surveyMessage(conversation: PlanningConversation, texts: SurveyTexts): SurveyMessage | null;
}

export interface SurveyMessage {
  text: string | null;
  cards: AdaptiveCard[];
}

/** The survey as an Adaptive Card (Web Chat, Teams). */
export const cardSurvey: ChannelAdapter['surveyMessage'] = (_conversation, texts) => ({ text: null, cards: [surveyCard(texts)] });

/** The card, and the prompt as text for clients that show no cards (custom channels): a digit answers too. */
export const cardAndTextSurvey: ChannelAdapter['surveyMessage'] = (_conversation, texts) => ({ text: texts.textPrompt, cards: [surveyCard(texts)] });

/** A rep message goes out as it is. */
export const asIs: ChannelAdapter['planMessage'] = async (_tx, _conversation, content) => [content];

/** The channel hears typing through the transcript's realtime stream, or not at all. */
export const noTyping: ChannelAdapter['sendTyping'] = async () => null;
