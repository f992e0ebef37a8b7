'use client';

import { useTranslations } from 'next-intl';
import { channelKindSchema } from '@/lib/protocol/console';
import { useDirectory } from '../api/directory';
import { Button } from '../ui/button';
import { Input, Select } from '../ui/field';
import { presetRange, type Preset, type ReportFilterState } from './report-filter';

const PRESETS: Preset[] = ['today', 'last7', 'last30'];
const LABEL = 'flex flex-col gap-1 text-sm';

/** Period, queue, channel, agent and bucket; every change goes to the URL through `change`. */
export function ReportFilters({ filter, change }: { filter: ReportFilterState; change: (next: ReportFilterState) => void }) {
  const t = useTranslations('reports');
  const directory = useDirectory();
  const set = (name: keyof ReportFilterState) => (event: { target: { value: string } }) => change({ ...filter, [name]: event.target.value });
  return (
    <form aria-label={t('filters')} className="flex flex-wrap items-end gap-3" onSubmit={(event) => event.preventDefault()}>
      <label className={LABEL}>
        {t('from')}
        <Input type="date" value={filter.from} max={filter.to} onChange={set('from')} required />
      </label>
      <label className={LABEL}>
        {t('to')}
        <Input type="date" value={filter.to} min={filter.from} onChange={set('to')} required />
      </label>
      <div role="group" aria-label={t('presets')} className="flex gap-1">
        {PRESETS.map((preset) => (
          <Button key={preset} size="sm" onClick={() => change({ ...filter, ...presetRange(preset) })}>
            {t(`preset.${preset}`)}
          </Button>
        ))}
      </div>
      <label className={LABEL}>
        {t('queue')}
        <Select value={filter.queue} onChange={set('queue')}>
          <option value="">{t('allQueues')}</option>
          {directory.data?.queues.map((queue) => (
            <option key={queue.id} value={queue.id}>
              {queue.name}
            </option>
          ))}
        </Select>
      </label>
      <label className={LABEL}>
        {t('channel')}
        <Select value={filter.channel} onChange={set('channel')}>
          <option value="">{t('allChannels')}</option>
          {channelKindSchema.options.map((kind) => (
            <option key={kind} value={kind}>
              {t(`channels.${kind}`)}
            </option>
          ))}
        </Select>
      </label>
      <label className={LABEL}>
        {t('agent')}
        <Select value={filter.agent} onChange={set('agent')}>
          <option value="">{t('allAgents')}</option>
          {directory.data?.agents.map((agent) => (
            <option key={agent.id} value={agent.id}>
              {agent.displayName}
            </option>
          ))}
        </Select>
      </label>
      <label className={LABEL}>
        {t('bucket')}
        <Select value={filter.bucket} onChange={set('bucket')}>
          <option value="day">{t('day')}</option>
          <option value="hour">{t('hour')}</option>
        </Select>
      </label>
    </form>
  );
}
