'use client';

import { useTranslations } from 'next-intl';
import { channelKindSchema } from '@/lib/protocol/console';
import { useLabels } from '../api/contacts';
import { useDirectory } from '../api/directory';
import { Button } from '../ui/button';
import { Input, Select } from '../ui/field';
import { presetRange, type Preset, type ReportFilterState } from './report-filter';

const PRESETS: Preset[] = ['today', 'last7', 'last30'];
const LABEL = 'flex flex-col gap-1 text-sm';

/** Period, queue, channel, agent, label and bucket; every change goes to the URL through `change`. */
export function ReportFilters({ filter, change }: { filter: ReportFilterState; change: (next: ReportFilterState) => void }) {
  const t = useTranslations('reports');
  const directory = useDirectory();
  const labels = useLabels();
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
      <FilterSelect
        label={t('queue')}
        value={filter.queue}
        onChange={set('queue')}
        options={[{ value: '', label: t('allQueues') }, ...(directory.data?.queues ?? []).map((queue) => ({ value: queue.id, label: queue.name }))]}
      />
      <FilterSelect
        label={t('channel')}
        value={filter.channel}
        onChange={set('channel')}
        options={[{ value: '', label: t('allChannels') }, ...channelKindSchema.options.map((kind) => ({ value: kind, label: t(`channels.${kind}`) }))]}
      />
      <FilterSelect
        label={t('agent')}
        value={filter.agent}
        onChange={set('agent')}
        options={[{ value: '', label: t('allAgents') }, ...(directory.data?.agents ?? []).map((agent) => ({ value: agent.id, label: agent.displayName }))]}
      />
      <FilterSelect
        label={t('label')}
        value={filter.label}
        onChange={set('label')}
        options={[{ value: '', label: t('allLabels') }, ...(labels.data ?? []).map((label) => ({ value: label.id, label: label.name }))]}
      />
      <FilterSelect
        label={t('bucket')}
        value={filter.bucket}
        onChange={set('bucket')}
        options={[
          { value: 'day', label: t('day') },
          { value: 'hour', label: t('hour') },
        ]}
      />
    </form>
  );
}

/** A labelled choice of the filter form. */
function FilterSelect(props: { label: string; value: string; onChange: (event: { target: { value: string } }) => void; options: { value: string; label: string }[] }) {
  return (
    <label className={LABEL}>
      {props.label}
      <Select value={props.value} onChange={props.onChange}>
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </Select>
    </label>
  );
}
