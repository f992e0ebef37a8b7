// A stored activity → the Bot Framework activity the console posts to a bot, as a channel does
// (CONTRACT.md "A bot answers first"): the console is the service URL, the conversation is the
// console's, the customer is `from` and the bot the recipient.
import type { Conversation } from '../../db/generated/client';
import type { WireActivity } from '../../protocol/activity';
import { toWireActivity, type StoredActivity } from '../directline/wire';

/** The channel id a bot sees for the customer's channel (Bot Framework's names where there are some). */
const CHANNEL_IDS: Record<string, string> = { directline: 'directline', teams: 'msteams', connector: 'connector', whatsapp: 'whatsapp', custom: 'custom' };

export const channelIdFor = (kind: string) => CHANNEL_IDS[kind] ?? kind;

/** Customer channels whose customer activities' raw JSON is not a Bot Framework activity (WhatsApp keeps ACS's event data). */
const RAW_IS_NOT_AN_ACTIVITY = new Set(['whatsapp']);

/** The activity as the console stored it, for a channel whose own payload a bot could not read. */
function fromColumns(activity: StoredActivity): StoredActivity {
  const raw = { text: activity.text, textFormat: activity.textFormat, locale: activity.locale, name: activity.name };
  return { ...activity, raw: Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== null)) };
}

export async function toBotActivity(input: {
  activity: StoredActivity;
  conversation: Pick<Conversation, 'id' | 'customerId' | 'customerName'>;
  customerChannel: string;
  serviceUrl: string;
  appId: string;
}): Promise<WireActivity> {
  const { activity, conversation } = input;
  // The console's own events (handoff.status) are Bot Framework activities whatever the customer's channel.
  const channelPayload = activity.direction === 'inbound' && RAW_IS_NOT_AN_ACTIVITY.has(input.customerChannel);
  const wire = await toWireActivity(channelPayload ? fromColumns(activity) : activity);
  const raw = (activity.raw ?? {}) as { channelId?: unknown };
  const customer = { id: conversation.customerId ?? activity.fromId ?? 'customer', ...(conversation.customerName && { name: conversation.customerName }), role: 'user' };
  return {
    ...wire,
    serviceUrl: input.serviceUrl,
    // The customer's channel as the customer's activity named it, else its kind.
    channelId: typeof raw.channelId === 'string' && raw.channelId ? raw.channelId : channelIdFor(input.customerChannel),
    conversation: { id: conversation.id },
    from: customer,
    recipient: { id: input.appId, role: 'bot' },
  };
}
