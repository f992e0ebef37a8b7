// Lifecycle events (seed 000, PROTOCOLS.md §4): a timeline entry in the transcript and, for a
// conversation with an outbound channel, an event delivered to that channel.
import type { Tx } from '../db/client';
import type { Activity, Conversation } from '../db/generated/client';
import { channelAdapter } from '../channels/registry';
import { insertActivity } from '../activities/new-activity';
import { initialDeliveryState, routeOutbound } from '../outbound/route';
import type { ActingAgent } from './agent';

export const LIFECYCLE_EVENTS = [
  'AgentAccepted',
  'AgentAssigned',
  'AgentEndSession',
  'PrimaryAgentEndConversation',
  'AgentDisconnected',
  'AgentJoinedCustomerConversation',
  'AgentStartSecondaryChannel',
  'AgentRaiseSecondaryChannel',
  'AgentEndSecondaryChannel',
  'ConversationClosed',
  'AgentClosed',
  'SupervisorForceClosedConversation',
  'ConsultAgentInitiated',
  'ConsultAgentFailed',
  'ConsultAgentAcceptSession',
  'ConsultAgentEndSession',
  'ConsultAgentRejectSession',
  'ConsultAgentSessionTimedOut',
  'ConsultAgentRemoved',
  'AgentEndedConsult',
  'ConsultAgentLeftPublicConversation',
  'TransferToAgentInitiated',
  'TransferToAgentFailed',
  'TransferAgentAcceptSession',
  'TransferAgentRejectSession',
  'TransferAgentTimedOutSession',
  'TransferToQueueInitiated',
  'TransferToQueueFailed',
  'CustomerDisconnected',
  'CustomerDisconnectedAgentWaiting',
  'OutOfOperatingHoursDueToNonWorkingHours',
  'OutOfOperatingHoursDueToHoliday',
] as const;

export type LifecycleEventName = (typeof LIFECYCLE_EVENTS)[number];

export function isLifecycleEventName(name: string): name is LifecycleEventName {
  return (LIFECYCLE_EVENTS as readonly string[]).includes(name);
}

/**
 * Records one lifecycle event inside the caller's transaction (which must then append its realtime
 * event). It goes to the outbound channel when that channel's adapter takes lifecycle events (seed
 * 000's custom messaging channels do; Bot Framework channels would show them as empty messages).
 */
export async function recordLifecycleEvent(
  tx: Tx,
  input: { conversation: Pick<Conversation, 'id' | 'outboundChannelId'>; name: LifecycleEventName; agent?: ActingAgent | null },
): Promise<Activity> {
  const outbound = input.conversation.outboundChannelId
    ? await tx.channel.findUnique({ where: { id: input.conversation.outboundChannelId }, select: { kind: true } })
    : null;
  const toChannel = outbound ? channelAdapter(outbound.kind).takesLifecycleEvents : false;
  const activity = await insertActivity(tx, input.conversation.id, {
    type: 'event',
    direction: 'internal',
    name: input.name,
    fromId: input.agent?.id ?? null,
    fromName: input.agent?.displayName ?? null,
    fromRole: input.agent ? 'agent' : 'system',
    agentId: input.agent?.id ?? null,
    raw: { type: 'event', name: input.name, ...(input.agent && { from: { id: input.agent.id } }) },
    deliveryState: toChannel ? initialDeliveryState(input.conversation) : 'none',
  });
  if (toChannel) await routeOutbound(tx, input.conversation, activity.id);
  return activity;
}
