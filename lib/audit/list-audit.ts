import 'server-only';
// Reading the audit log: newest first, filtered by actor, action and period; as pages for /admin and
// as the CSV export (the reports' RFC 4180 writer, formula-safe).
import { db as defaultDb, type Db } from '../db/client';
import type { Prisma } from '../db/generated/client';
import type { AuditEntryView, AuditFilter } from '../protocol/console';
import { csvRow } from '../reports/csv';

function where(filter: AuditFilter, before?: string): Prisma.AuditEntryWhereInput {
  return {
    ...(filter.actorId && { actorId: filter.actorId }),
    ...(filter.action && { action: filter.action }),
    ...((filter.from || filter.to) && { at: { ...(filter.from && { gte: new Date(filter.from) }), ...(filter.to && { lt: new Date(filter.to) }) } }),
    ...(before && { id: { lt: BigInt(before) } }),
  };
}

type Row = Prisma.AuditEntryGetPayload<object>;

const view = (row: Row): AuditEntryView => ({
  id: row.id.toString(),
  at: row.at.toISOString(),
  actorId: row.actorId,
  actorName: row.actorName,
  actorRole: row.actorRole,
  action: row.action as AuditEntryView['action'],
  target: row.target,
  before: row.before,
  after: row.after,
});

export async function listAudit(filter: AuditFilter, page: { cursor?: string; limit: number }, db: Db = defaultDb()) {
  const rows = await db.auditEntry.findMany({ where: where(filter, page.cursor), orderBy: { id: 'desc' }, take: page.limit + 1 });
  const items = rows.slice(0, page.limit).map(view);
  return { items, nextCursor: rows.length > page.limit ? (items.at(-1)?.id ?? null) : null };
}

const COLUMNS: [string, (entry: AuditEntryView) => string | null][] = [
  ['at', (e) => e.at],
  ['actor_id', (e) => e.actorId],
  ['actor', (e) => e.actorName],
  ['role', (e) => e.actorRole],
  ['action', (e) => e.action],
  ['target', (e) => e.target],
  ['before', (e) => (e.before === null ? null : JSON.stringify(e.before))],
  ['after', (e) => (e.after === null ? null : JSON.stringify(e.after))],
];

/** The filtered log as CSV, newest first, read a page at a time while the client takes it. */
export function auditCsv(filter: AuditFilter, pageRows: number, db: Db = defaultDb()): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cursor: string | undefined;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(csvRow(COLUMNS.map(([name]) => name))));
    },
    async pull(controller) {
      const page = await listAudit(filter, { cursor, limit: pageRows }, db);
      controller.enqueue(encoder.encode(page.items.map((entry) => csvRow(COLUMNS.map(([, value]) => value(entry)))).join('')));
      if (page.nextCursor === null) controller.close();
      else cursor = page.nextCursor;
    },
  });
}
