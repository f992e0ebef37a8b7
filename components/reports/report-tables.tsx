'use client';

import { useTranslations } from 'next-intl';
import type { Aggregate, ReportQuery, ReportSummary } from '@/lib/protocol/console';
import { Button } from '../ui/button';
import { DataTable, type Column } from '../ui/data-table';
import { useReportFormat } from './format';
import { bucketQuery, type Bucket } from './report-filter';

/** A figure's row the page can open: its title and the query of the episodes behind it. */
export interface DrillDown {
  title: string;
  query: ReportQuery;
  /** For a bucket: only the episodes that entered within it (the query also finds those that closed in it). */
  enteredWithin?: { from: string; to: string };
}

type Open = (drill: DrillDown) => void;

/** The figures every group shares, after its name. */
function useAggregateColumns<Row extends Aggregate>(): Column<Row>[] {
  const t = useTranslations('reports');
  const f = useReportFormat();
  return [
    { header: t('episodes'), cell: (row) => row.episodes },
    { header: t('abandoned'), cell: (row) => row.abandoned },
    { header: t('serviceLevelShort'), cell: (row) => f.share(row.serviceLevel) },
    { header: t('column.waitMedian'), cell: (row) => f.duration(row.wait.median) },
    { header: t('column.firstResponseMedian'), cell: (row) => f.duration(row.firstResponse.median) },
    { header: t('column.firstResponseP90'), cell: (row) => f.duration(row.firstResponse.p90) },
    { header: t('column.handleMedian'), cell: (row) => f.duration(row.handle.median) },
    { header: t('csatMean'), cell: (row) => f.rating(row.csat.mean) },
  ];
}

/** The group's name as the button that opens its episodes. */
function opener(name: string, drill: DrillDown | null, open: Open) {
  if (!drill) return name;
  return (
    <Button variant="link" size="none" onClick={() => open(drill)}>
      {name}
    </Button>
  );
}

export function QueueTable({ summary, query, open }: { summary: ReportSummary; query: ReportQuery; open: Open }) {
  const t = useTranslations('reports');
  const columns = useAggregateColumns<ReportSummary['queues'][number]>();
  return (
    <DataTable
      label={t('perQueue')}
      rows={summary.queues}
      rowKey={(row) => row.queueId ?? ''}
      columns={[
        {
          header: t('queue'),
          cell: (row) => {
            const name = row.queueName ?? t('noQueue');
            return opener(name, row.queueId ? { title: name, query: { ...query, queue: row.queueId } } : null, open);
          },
        },
        ...columns,
      ]}
    />
  );
}

export function AgentTable({ summary, query, open }: { summary: ReportSummary; query: ReportQuery; open: Open }) {
  const t = useTranslations('reports');
  const f = useReportFormat();
  const columns = useAggregateColumns<ReportSummary['agents'][number]>();
  return (
    <DataTable
      label={t('perAgent')}
      rows={summary.agents}
      rowKey={(row) => row.agentId}
      columns={[
        { header: t('agent'), cell: (row) => opener(row.agentName, { title: row.agentName, query: { ...query, agent: row.agentId } }, open) },
        ...columns,
        { header: t('offers.taken'), cell: (row) => row.offers.taken },
        { header: t('offers.declined'), cell: (row) => row.offers.declined },
        { header: t('offers.timedOut'), cell: (row) => row.offers.timedOut },
        { header: t('presence.available'), cell: (row) => f.duration(row.presenceSeconds.available) },
        { header: t('presence.busy'), cell: (row) => f.duration(row.presenceSeconds.busy) },
        { header: t('presence.away'), cell: (row) => f.duration(row.presenceSeconds.away) },
      ]}
    />
  );
}

/** The chart's numbers as a table (what a screen reader reads), each bucket opening its episodes. */
export function SeriesTable({ summary, query, bucket, open }: { summary: ReportSummary; query: ReportQuery; bucket: Bucket; open: Open }) {
  const t = useTranslations('reports');
  const f = useReportFormat();
  const columns = useAggregateColumns<ReportSummary['series'][number]>();
  return (
    <DataTable
      label={t('overTime')}
      rows={summary.series}
      rowKey={(row) => row.start}
      columns={[
        {
          header: bucket === 'day' ? t('day') : t('hour'),
          cell: (row) => {
            const period = bucketQuery(query, row.start, bucket);
            const label = f.bucket(row.start, bucket);
            return opener(label, { title: label, query: period, enteredWithin: { from: period.from!, to: period.to! } }, open);
          },
        },
        ...columns,
      ]}
    />
  );
}
