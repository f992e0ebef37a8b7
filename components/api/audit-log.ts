// The audit log (administrators): pages newest first, filtered; the CSV export link.
import { useInfiniteQuery } from '@tanstack/react-query';
import { consoleApi, pathOf, type AuditFilter } from '@/lib/protocol/console';
import { callConsole } from './fetch-json';
import { queryKeys } from './query-keys';

export const auditCsvHref = (filter: AuditFilter) => pathOf(consoleApi.auditLogCsv, {}, filter);

export const useAuditLog = (filter: AuditFilter) =>
  useInfiniteQuery({
    queryKey: queryKeys.adminAudit(filter),
    queryFn: ({ pageParam }) => callConsole(consoleApi.auditLog, { query: { ...filter, cursor: pageParam ?? undefined } }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
