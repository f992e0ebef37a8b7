// `Erase customer data` (CONTRACT.md "Erasing a customer"): every conversation of the customer behind
// a conversation, erased at once, with their contact (its identities and attributes).
import type { Db } from '../db/client';
import { customerOf } from '../customers/customer-conversations';
import { loadVisibleConversation } from '../conversations/visible-conversation';
import type { ActingViewer } from '../conversations/agent';
import { forbidden } from '../errors/app-error';
import { canEraseCustomer } from '../shared/policies';
import { eraseConversations, type Erased } from './erase-conversations';

export async function eraseCustomer(db: Db, conversationId: string, actor: ActingViewer): Promise<Erased> {
  if (!canEraseCustomer(actor)) throw forbidden('Only administrators can erase a customer’s data.', 'AdminsOnly');
  await loadVisibleConversation(db, conversationId, actor);
  const customer = await customerOf(db, conversationId);
  return eraseConversations(db, customer.conversationIds, { actor, action: 'customer.erase', target: `conversation:${conversationId}` }, customer.contactIds);
}
