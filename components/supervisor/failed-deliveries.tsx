'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { failedDeliveriesQuery, useFailedDeliveries } from '../api/failed-deliveries';
import { useRetryDelivery } from '../api/retry-delivery';
import { useDateTime } from '../ui/date-time';

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
        <button type="button" className="text-sm underline" onClick={() => deliveries.refetch()}>
          {t('refresh')}
        </button>
      </div>
      {items.length === 0 ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">{t('none')}</p>
      ) : (
        <table aria-label={t('title')} className="w-full text-left text-sm">
          <thead>
            <tr className="border-b border-slate-200 dark:border-slate-700 text-slate-500 dark:text-slate-400">
              <th className="py-1">{t('failedAt')}</th>
              <th>{t('customer')}</th>
              <th>{t('channel')}</th>
              <th>{t('what')}</th>
              <th>{t('attempts')}</th>
              <th>{t('reason')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.deliveryId} className="border-b border-slate-100 dark:border-slate-800 align-top">
                <td className="py-1">{item.failedAt ? dateTime(item.failedAt, 'dateTime') : ''}</td>
                <td>{item.customerName ?? item.conversationId}</td>
                <td>{item.channel}</td>
                <td className="max-w-64 truncate">{item.eventName ?? item.text ?? item.activityType}</td>
                <td>{item.attempts}</td>
                <td>{item.reason}</td>
                <td>
                  <button
                    type="button"
                    className="rounded border border-slate-300 dark:border-slate-600 px-2 hover:bg-slate-100 dark:hover:bg-slate-800"
                    onClick={() =>
                      retry.mutate(item.activityId, { onSettled: () => queryClient.invalidateQueries({ queryKey: failedDeliveriesQuery().queryKey }) })
                    }
                  >
                    {t('retry')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
