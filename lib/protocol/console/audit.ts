// The audit log (lib/audit): what an administrator reads at /admin and exports as CSV.
import { z } from 'zod';

/** Every action the audit log records: administrators' and supervisors' changes, erasures and exports. */
export const AUDIT_ACTIONS = [
  'agent.create',
  'agent.update',
  'queue.create',
  'queue.update',
  'queue.members',
  'queue.hours',
  'channel.settings',
  'directline.secretIssue',
  'directline.secretRevoke',
  'botKey.rotate',
  'conversation.takeOver',
  'conversation.reassign',
  'conversation.transfer',
  'conversation.forceClose',
  'label.create',
  'contactAttribute.create',
  'contact.merge',
  'contact.unmerge',
  'customer.erase',
  'customer.export',
  'report.export',
  'retention.erase',
] as const;

export const auditActionSchema = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof auditActionSchema>;

export const auditEntryViewSchema = z.object({
  id: z.string(),
  at: z.iso.datetime(),
  actorId: z.string(),
  actorName: z.string(),
  /** Null for the console itself (retention). */
  actorRole: z.enum(['agent', 'supervisor', 'admin']).nullable(),
  action: auditActionSchema,
  target: z.string(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
});
export type AuditEntryView = z.infer<typeof auditEntryViewSchema>;

/** Filters: who (an agent id), what, and the period [from, to). */
export const auditQuery = z.object({
  actorId: z.string().max(100).optional(),
  action: auditActionSchema.optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  /** The last id of the page before (entries come newest first). */
  cursor: z.string().regex(/^\d{1,19}$/).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** The CSV export takes the same filters and no page. */
export const auditCsvQuery = auditQuery.omit({ cursor: true, limit: true });
export type AuditFilter = z.output<typeof auditCsvQuery>;

export const auditPageSchema = z.object({ items: z.array(auditEntryViewSchema), nextCursor: z.string().nullable() });
