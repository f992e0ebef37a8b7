'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { failedDeliveriesQuery, useFailedDeliveries } from '../api/failed-deliveries';
import { useRetryDelivery } from '../api/retry-delivery';
import { useDateTime } from '../ui/date-time';
import { Button } from '@/components/ui/button';
import { DataTable } from '@/components/ui/data-table';

export function FailedDeliveries() {
  const deliveries = useFailedDeliveries();
  const retry = useRetryDelivery();
  const queryClient = useQueryClient();
  const t = useTranslations('failedDeliveries');
  const dateTime = useDateTime();
  const items = deliveries.data?.items ?? [];

  return (
    <section aria-labelledby="failed-deliveries" className="rounded-lg bg-white dark:bg-slate-900 p-4 shadow-sm">
      <div className="mb-3 flex items-center justify-between">
        <h2 id="failed-deliveries" className="font-semibold">
          {t('title')}
        </h2>
        <Button variant="inlineLink" className="text-sm" onClick={() => deliveries.refetch()}>
          {t('refresh')}
        </Button>
      </div>
      {items.length === 0 ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">{t('none')}</p>
      ) : (
        <DataTable
          label={t('title')}
          rows={items}
          rowKey={(item) => item.deliveryId}
          alignTop
          columns={[
            { header: t('failedAt'), cell: (item) => (item.failedAt ? dateTime(item.failedAt, 'dateTime') : '') },
            { header: t('customer'), cell: (item) => item.customerName ?? item.conversationId },
            { header: t('channel'), cell: (item) => item.channel },
            { header: t('what'), cell: (item) => item.eventName ?? item.text ?? item.activityType, className: 'max-w-64 truncate' },
            { header: t('attempts'), cell: (item) => item.attempts },
            { header: t('reason'), cell: (item) => item.reason },
            {
              header: null,
              cell: (item) => (
                <Button
                  variant="secondary"
                  size="none"
                  className="px-2"
                  onClick={() => retry.mutate(item.activityId, { onSettled: () => queryClient.invalidateQueries({ queryKey: failedDeliveriesQuery().queryKey }) })}
                >
                  {t('retry')}
                </Button>
              ),
            },
          ]}
        />
      )}
    </section>
  );
}
