'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useReportEpisodes } from '../api/reports';
import { Button } from '../ui/button';
import { DataTable } from '../ui/data-table';
import { ErrorMessage } from '../ui/error-text';
import { useReportFormat } from './format';
import type { DrillDown } from './report-tables';

/** The episodes behind the figure opened: one row each, linking to its conversation. */
export function ReportEpisodes({ drill, close }: { drill: DrillDown; close: () => void }) {
  const t = useTranslations('reports');
  const f = useReportFormat();
  const episodes = useReportEpisodes(drill.query, true);
  const within = drill.enteredWithin;
  const loaded = episodes.data?.pages.flatMap((page) => page.items);
  const rows = within ? loaded?.filter((row) => row.queuedAt >= within.from && row.queuedAt < within.to) : loaded;
  const title = t('episodesOf', { name: drill.title });
  return (
    <section aria-label={title} className="flex flex-col gap-2">
      <div className="flex items-center justify-between">
        <h2 className="font-semibold">{title}</h2>
        <Button size="sm" onClick={close}>
          {t('closeEpisodes')}
        </Button>
      </div>
      {episodes.error && <ErrorMessage error={episodes.error} />}
      {rows && rows.length === 0 && <p>{t('noEpisodes')}</p>}
      <DataTable
        label={title}
        rows={rows}
        rowKey={(row) => `${row.conversationId ?? ''}#${row.episode}#${row.queuedAt}`}
        columns={[
          {
            header: t('column.customer'),
            cell: (row) =>
              row.conversationId === null ? (
                t('erasedCustomer')
              ) : (
                <Link href={`/?c=${encodeURIComponent(row.conversationId)}`} className="underline">
                  {row.customer ?? row.conversationId}
                </Link>
              ),
          },
          { header: t('column.episode'), cell: (row) => row.episode },
          { header: t('channel'), cell: (row) => t(`channels.${row.channel}`) },
          { header: t('queue'), cell: (row) => row.queue ?? t('noQueue') },
          { header: t('agent'), cell: (row) => row.agent ?? t('format.none') },
          { header: t('column.queuedAt'), cell: (row) => f.instant(row.queuedAt) },
          { header: t('time.wait'), cell: (row) => f.duration(row.waitSeconds) },
          { header: t('time.firstResponse'), cell: (row) => f.duration(row.firstResponseSeconds) },
          { header: t('time.handle'), cell: (row) => f.duration(row.handleSeconds) },
          { header: t('column.closedAt'), cell: (row) => f.instant(row.closedAt) },
          { header: t('abandoned'), cell: (row) => (row.abandoned ? t('yes') : t('no')) },
          { header: t('column.csat'), cell: (row) => row.csat ?? t('format.none') },
        ]}
      />
      {episodes.hasNextPage && (
        <Button size="sm" className="self-start" disabled={episodes.isFetchingNextPage} onClick={() => void episodes.fetchNextPage()}>
          {t('moreEpisodes')}
        </Button>
      )}
    </section>
  );
}
