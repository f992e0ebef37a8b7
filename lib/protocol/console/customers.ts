// A customer's data (CONTRACT.md "Erasing a customer"): erasing it, and the export of everything
// held about them (GDPR Art. 15), one JSON file.
import { z } from 'zod';
import { instant } from './shared';

export const erasedCustomerSchema = z.object({ conversations: z.number().int(), messages: z.number().int(), files: z.number().int() });

const exportedAttachment = z.object({
  id: z.string(),
  name: z.string().nullable(),
  contentType: z.string(),
  size: z.number().int(),
  /** The console's link to the file (an administrator's session opens it). */
  url: z.string(),
});

const exportedMessage = z.object({
  id: z.string(),
  seq: z.number().int(),
  type: z.string(),
  /** `inbound` (the customer), `outbound` (reps, bots), `internal` (notes; lifecycle events). */
  direction: z.enum(['inbound', 'outbound', 'internal']),
  name: z.string().nullable(),
  fromName: z.string().nullable(),
  text: z.string().nullable(),
  timestamp: instant,
  editedAt: instant.nullable(),
  deletedAt: instant.nullable(),
  attachments: z.array(exportedAttachment),
});

export const customerExportSchema = z.object({
  exportedAt: instant,
  customer: z.object({ channel: z.string(), customerId: z.string().nullable(), customerName: z.string().nullable() }),
  /** The contact behind the conversation and those merged into it. */
  contacts: z.array(
    z.object({
      id: z.string(),
      name: z.string().nullable(),
      createdAt: instant,
      identities: z.array(z.object({ channel: z.string(), userId: z.string(), verified: z.string().nullable() })),
      attributes: z.record(z.string(), z.unknown()),
    }),
  ),
  conversations: z.array(
    z.object({
      id: z.string(),
      state: z.string(),
      queue: z.string().nullable(),
      customerName: z.string().nullable(),
      createdAt: instant,
      closedAt: instant.nullable(),
      messages: z.array(exportedMessage),
      notes: z.array(exportedMessage),
      surveys: z.array(z.object({ episode: z.number().int(), sentAt: instant, rating: z.number().int().nullable(), comment: z.string().nullable(), answeredAt: instant.nullable() })),
      episodes: z.array(
        z.object({ number: z.number().int(), queuedAt: instant, acceptedAt: instant.nullable(), firstResponseAt: instant.nullable(), closedAt: instant.nullable() }),
      ),
    }),
  ),
});
export type CustomerExport = z.infer<typeof customerExportSchema>;
