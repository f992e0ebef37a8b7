// When Teams stops taking the bot's messages for a conversation (PROTOCOLS.md §6, Teams' bot API
// error codes), sending pauses until the customer writes again or the bot is back
// (`installationUpdate` add). What was queued meanwhile fails with the reason; the rep retries it.

/** 403 codes that mean "not now, not until something changes". */
export const PAUSING_CODES = ['ConversationBlockedByUser', 'BotDisabledByAdmin', 'BotNotInConversationRoster'] as const;
/** The bot was removed from the chat or the team (`installationUpdate` with action `remove`). */
export const BOT_REMOVED = 'BotRemoved';

export type PauseReason = (typeof PAUSING_CODES)[number] | typeof BOT_REMOVED;

export function isPausingCode(code: string | null | undefined): code is (typeof PAUSING_CODES)[number] {
  return (PAUSING_CODES as readonly (string | null | undefined)[]).includes(code);
}

/** Shown beside a message that was not sent because of the pause (the console shows the reason translated too). */
export function pausedDeliveryReason(reason: string | null): string {
  switch (reason) {
    case 'BotDisabledByAdmin':
      return 'Sending is paused: the Teams administrator disabled the bot (BotDisabledByAdmin); retry once it is back';
    case 'BotNotInConversationRoster':
      return 'Sending is paused: the bot is not in this conversation any more (BotNotInConversationRoster); retry once it is back';
    case BOT_REMOVED:
      return 'Sending is paused: the bot was removed from this chat; retry once it is back';
    default:
      return 'The customer has blocked the bot; nothing more is sent';
  }
}
