// Offers: a routing offer, transfer request or consult request to one agent.
import { z } from 'zod';
import { instant } from './shared';

export const offerKindSchema = z.enum(['route', 'transfer', 'consult']);
export const offerStateSchema = z.enum(['pending', 'accepted', 'declined', 'expired', 'cancelled']);

export const offerViewSchema = z.object({
  id: z.string(),
  kind: offerKindSchema,
  state: offerStateSchema,
  conversationId: z.string(),
  agentId: z.string(),
  fromName: z.string().nullable(),
  customerName: z.string(),
  channel: z.string(),
  queueName: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: instant,
  expiresAt: instant,
});

export type OfferKindView = z.infer<typeof offerKindSchema>;
export type OfferStateView = z.infer<typeof offerStateSchema>;
export type OfferView = z.infer<typeof offerViewSchema>;
