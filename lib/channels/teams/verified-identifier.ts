// What a Bot Framework channel vouches for about the customer. The SMS channel's `from.id` is the
// sender's phone number and the e-mail channel's is the sender's address (the Bot Framework service
// authenticated the activity). Teams' `from` carries ids and a display name only; its e-mail and
// userPrincipalName come from the roster (GET /v3/conversations/{id}/members/{userId}), not read yet.
import { emailIdentifier, phoneIdentifier, type VerifiedIdentifier } from '../../contacts/verified-identifier';
import type { WireActivity } from '../../protocol/activity';

export function verifiedIdentifierOf(activity: WireActivity): VerifiedIdentifier | null {
  const from = activity.from?.id;
  if (activity.channelId === 'sms') return phoneIdentifier(from);
  if (activity.channelId === 'email') return emailIdentifier(from);
  return null;
}
