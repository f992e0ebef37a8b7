import { getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { Suspense } from 'react';
import { ReportsView } from '@/components/reports/reports-view';
import { RestrictedPage } from '@/components/ui/restricted-page';
import { StaffPageHeader } from '@/components/ui/staff-page-header';
import { currentAgent } from '@/lib/auth/session-cookie';
import { canSeeReports } from '@/lib/shared/policies';

export const dynamic = 'force-dynamic';

export default async function ReportsPage() {
  const agent = await currentAgent();
  if (!agent) redirect('/sign-in');
  const t = await getTranslations('reportsPage');
  if (!canSeeReports(agent)) {
    return <RestrictedPage message={t('onlySupervisors')} backLabel={t('back')} />;
  }
  return (
    <main className="mx-auto flex max-w-7xl flex-col gap-6 p-6">
      <StaffPageHeader title={t('title')} links={[{ href: '/supervisor', label: t('supervisor') }, { href: '/', label: t('console') }]} />
      <Suspense>
        <ReportsView />
      </Suspense>
    </main>
  );
}
