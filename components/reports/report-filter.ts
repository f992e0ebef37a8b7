// The /reports filters as they live in the URL (`from`, `to` as inclusive UTC dates, `queue`, `channel`,
// `agent`, `label`, `bucket`), and the API's report query they stand for (`to` exclusive: the next midnight).
import { channelKindSchema, type ReportQuery } from '@/lib/protocol/console';

export type Bucket = 'day' | 'hour';
export type Preset = 'today' | 'last7' | 'last30';

export interface ReportFilterState {
  from: string;
  to: string;
  queue: string;
  channel: string;
  agent: string;
  label: string;
  bucket: Bucket;
}

const DAY_MS = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const PRESET_DAYS: Record<Preset, number> = { today: 1, last7: 7, last30: 30 };

const isoDate = (time: number) => new Date(time).toISOString().slice(0, 10);
const nextDay = (date: string) => isoDate(Date.parse(`${date}T00:00:00Z`) + DAY_MS);

/** The preset's inclusive date range, ending today (UTC). */
export function presetRange(preset: Preset, now = Date.now()): { from: string; to: string } {
  return { from: isoDate(now - (PRESET_DAYS[preset] - 1) * DAY_MS), to: isoDate(now) };
}

export function readFilter(params: URLSearchParams, now = Date.now()): ReportFilterState {
  const fallback = presetRange('last7', now);
  const date = (name: 'from' | 'to') => {
    const value = params.get(name);
    return value && DATE.test(value) ? value : fallback[name];
  };
  const channel = channelKindSchema.safeParse(params.get('channel'));
  return {
    from: date('from'),
    to: date('to'),
    queue: params.get('queue') ?? '',
    channel: channel.success ? channel.data : '',
    agent: params.get('agent') ?? '',
    label: params.get('label') ?? '',
    bucket: params.get('bucket') === 'hour' ? 'hour' : 'day',
  };
}

export function writeFilter(filter: ReportFilterState): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filter)) if (value) params.set(name, value);
  return params.toString();
}

/** The API query: `[from, to)` with `to` the midnight after the last day chosen. */
export function reportQueryOf(filter: ReportFilterState): ReportQuery {
  return {
    from: filter.from,
    to: nextDay(filter.to),
    queue: filter.queue || undefined,
    channel: (filter.channel || undefined) as ReportQuery['channel'],
    agent: filter.agent || undefined,
    label: filter.label || undefined,
  };
}

/** One bucket of the series as a period: `[start, start + a day or an hour)`. */
export function bucketQuery(query: ReportQuery, start: string, bucket: Bucket): ReportQuery {
  const begin = Date.parse(start);
  return { ...query, from: new Date(begin).toISOString(), to: new Date(begin + (bucket === 'day' ? DAY_MS : DAY_MS / 24)).toISOString() };
}
