// The audit log (issue 21): one append-only row per administrator's or supervisor's action, written
// in the action's own transaction so that an action and its entry commit or fail together. A
// trigger in the database refuses UPDATE and DELETE of these rows.
import type { Db, Tx } from '../db/client';
import { Prisma } from '../db/generated/client';
import type { AuditAction } from '../protocol/console/audit';
import { maskSecrets } from './mask-secrets';

/** A signed-in rep who acted. */
export type AuditRep = { id: string; displayName: string; role: 'agent' | 'supervisor' | 'admin' };
/** Who acted: a rep, or the console itself (the retention pass, scripts). */
export type AuditActor = AuditRep | 'system';

export interface AuditEntryInput {
  actor: AuditActor;
  action: AuditAction;
  /** `agent:<id>`, `queue:<id>`, `channel:<kind>`, `conversation:<id>` … */
  target: string;
  /** Settings before and after the change; secrets are masked here, whatever the caller passes. */
  before?: unknown;
  after?: unknown;
}

const json = (value: unknown) => (value === undefined || value === null ? Prisma.DbNull : (maskSecrets(value) as Prisma.InputJsonValue));

/** The row of an entry, for a caller that batches its statements (`$transaction([...])`). */
export function auditEntryData(entry: AuditEntryInput): Prisma.AuditEntryCreateInput {
  const actor = entry.actor === 'system' ? { id: 'system', displayName: 'Console', role: null } : entry.actor;
  return {
    actorId: actor.id,
    actorName: actor.displayName,
    actorRole: actor.role,
    action: entry.action,
    target: entry.target,
    before: json(entry.before),
    after: json(entry.after),
  };
}

export async function recordAudit(tx: Tx | Db, entry: AuditEntryInput): Promise<void> {
  await tx.auditEntry.create({ data: auditEntryData(entry) });
}
