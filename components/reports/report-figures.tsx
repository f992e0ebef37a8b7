'use client';

import { useTranslations } from 'next-intl';
import type { Aggregate, ReportSummary } from '@/lib/protocol/console';
import { DataTable } from '../ui/data-table';
import { useReportFormat } from './format';

const TIMES = ['wait', 'firstResponse', 'nextResponse', 'handle'] as const;

/** The headline figures of the period: counts, service level, satisfaction, the bot's part, and the four times. */
export function ReportFigures({ overall, serviceLevelSeconds, bot }: { overall: Aggregate; serviceLevelSeconds: number; bot: ReportSummary['bot'] }) {
  const t = useTranslations('reports');
  const f = useReportFormat();
  const counts = [
    { name: t('episodes'), value: String(overall.episodes) },
    { name: t('abandoned'), value: String(overall.abandoned) },
    { name: t('serviceLevel', { seconds: serviceLevelSeconds }), value: f.share(overall.serviceLevel) },
    { name: t('csatMean'), value: f.rating(overall.csat.mean) },
    { name: t('csatAnswers'), value: String(overall.csat.answers) },
    { name: t('botHandled'), value: String(bot.handled) },
    { name: t('handoffs'), value: String(bot.handoffs) },
    { name: t('botResolutions'), value: String(bot.resolutions) },
  ];
  return (
    <div className="flex flex-col gap-4">
      <div aria-label={t('figures')} role="group" className="grid grid-cols-2 gap-3 sm:grid-cols-5">
        {counts.map((figure) => (
          <div key={figure.name} role="group" aria-label={figure.name} className="rounded border border-slate-200 p-3 dark:border-slate-700">
            <p className="text-xs text-slate-600 dark:text-slate-400">{figure.name}</p>
            <strong className="block text-lg">{figure.value}</strong>
          </div>
        ))}
      </div>
      <DataTable
        label={t('times')}
        rows={TIMES.map((name) => ({ name, stats: overall[name] }))}
        rowKey={(row) => row.name}
        columns={[
          { header: t('figure'), cell: (row) => t(`time.${row.name}`) },
          { header: t('mean'), cell: (row) => f.duration(row.stats.mean) },
          { header: t('median'), cell: (row) => f.duration(row.stats.median) },
          { header: t('p90'), cell: (row) => f.duration(row.stats.p90) },
          { header: t('count'), cell: (row) => row.stats.count },
        ]}
      />
    </div>
  );
}
