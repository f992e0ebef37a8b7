'use client';

import { useTranslations } from 'next-intl';
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ReportSummary } from '@/lib/protocol/console';
import { useReportFormat } from './format';
import type { Bucket } from './report-filter';

/**
 * Episodes (bars) and the first-response median (line) per bucket. The SVG is named for assistive
 * technology; the same numbers are in the series table next to it, which is what a screen reader reads.
 */
export function ReportChart({ series, bucket }: { series: ReportSummary['series']; bucket: Bucket }) {
  const t = useTranslations('reports');
  const f = useReportFormat();
  const data = series.map((point) => ({
    label: f.bucket(point.start, bucket),
    episodes: point.episodes,
    firstResponseMinutes: point.firstResponse.median === null ? null : Math.round((point.firstResponse.median / 60) * 10) / 10,
  }));
  return (
    <div role="img" aria-label={t('chartLabel')} className="h-64 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="label" fontSize={12} />
          <YAxis yAxisId="count" allowDecimals={false} fontSize={12} />
          <YAxis yAxisId="minutes" orientation="right" fontSize={12} />
          <Tooltip />
          <Legend />
          <Bar yAxisId="count" dataKey="episodes" name={t('episodes')} fill="#3b82f6" isAnimationActive={false} />
          <Line yAxisId="minutes" dataKey="firstResponseMinutes" name={t('firstResponseMedianMinutes')} stroke="#f59e0b" connectNulls isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
