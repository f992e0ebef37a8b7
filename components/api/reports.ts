import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { consoleApi, pathOf, type ReportQuery } from '@/lib/protocol/console';
import { callConsole } from './fetch-json';
import { queryKeys } from './query-keys';

/** The period's aggregates: overall, per queue, per agent and per bucket. */
export const useReportSummary = (query: ReportQuery, bucket: 'day' | 'hour') =>
  useQuery({
    queryKey: queryKeys.reportSummary(query, bucket),
    queryFn: () => callConsole(consoleApi.reportSummary, { query: { ...query, bucket } }),
    placeholderData: keepPreviousData,
  });

/** The episodes behind a figure (the rows of the CSV export), a page at a time; off until `enabled`. */
export const useReportEpisodes = (query: ReportQuery, enabled: boolean) =>
  useInfiniteQuery({
    queryKey: queryKeys.reportEpisodes(query),
    queryFn: ({ pageParam }) => callConsole(consoleApi.reportConversations, { query: { ...query, ...(pageParam && { cursor: pageParam }) } }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    enabled,
  });

/** Where the same rows download as CSV, and where they read as JSON. */
export const reportExportLinks = (query: ReportQuery) => ({
  csv: pathOf(consoleApi.reportConversationsCsv, {}, query),
  json: pathOf(consoleApi.reportConversations, {}, query),
});
