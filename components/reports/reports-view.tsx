'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useMemo, useState } from 'react';
import { reportExportLinks, useReportSummary } from '../api/reports';
import { Button } from '../ui/button';
import { ErrorMessage } from '../ui/error-text';
import { ReportChart } from './report-chart';
import { ReportEpisodes } from './report-episodes';
import { ReportFigures } from './report-figures';
import { readFilter, reportQueryOf, writeFilter, type ReportFilterState } from './report-filter';
import { ReportFilters } from './report-filters';
import { AgentTable, QueueTable, SeriesTable, type DrillDown } from './report-tables';

const SECTION = 'flex flex-col gap-3 rounded-lg bg-white p-4 shadow-sm dark:bg-slate-900';

/** The report page's body: filters kept in the URL, the figures, the chart, the tables and the episodes behind them. */
export function ReportsView() {
  const t = useTranslations('reports');
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const filter = useMemo(() => readFilter(new URLSearchParams(params.toString())), [params]);
  const query = useMemo(() => reportQueryOf(filter), [filter]);
  const summary = useReportSummary(query, filter.bucket);
  const [drill, setDrill] = useState<DrillDown | null>(null);
  const links = reportExportLinks(query);
  const change = (next: ReportFilterState) => {
    setDrill(null);
    router.replace(`${pathname}?${writeFilter(next)}`, { scroll: false });
  };
  const data = summary.data;
  return (
    <>
      <section className={SECTION}>
        <ReportFilters filter={filter} change={change} />
        <div className="flex gap-4 text-sm">
          <a href={links.csv} className="underline" download>
            {t('exportCsv')}
          </a>
          <a href={links.json} className="underline">
            {t('exportJson')}
          </a>
          <Button variant="link" size="none" onClick={() => setDrill({ title: t('allEpisodes'), query })}>
            {t('showAllEpisodes')}
          </Button>
        </div>
        {summary.error && <ErrorMessage error={summary.error} />}
      </section>
      {drill && (
        <section className={SECTION}>
          <ReportEpisodes drill={drill} close={() => setDrill(null)} />
        </section>
      )}
      {data && (
        <>
          <section aria-label={t('overall')} aria-busy={summary.isFetching} className={SECTION}>
            <ReportFigures overall={data.overall} serviceLevelSeconds={data.serviceLevelSeconds} bot={data.bot} />
          </section>
          <section aria-label={t('overTime')} className={SECTION}>
            <h2 className="font-semibold">{t('overTime')}</h2>
            <ReportChart series={data.series} bucket={filter.bucket} />
            <SeriesTable summary={data} query={query} bucket={filter.bucket} open={setDrill} />
          </section>
          <section className={SECTION}>
            <h2 className="font-semibold">{t('perQueue')}</h2>
            <QueueTable summary={data} query={query} open={setDrill} />
          </section>
          <section className={`${SECTION} overflow-x-auto`}>
            <h2 className="font-semibold">{t('perAgent')}</h2>
            <AgentTable summary={data} query={query} open={setDrill} />
          </section>
        </>
      )}
    </>
  );
}
