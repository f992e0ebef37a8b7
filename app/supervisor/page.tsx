import { getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { FailedDeliveries } from '@/components/supervisor/failed-deliveries';
import { SupervisorOverviewPanel } from '@/components/supervisor/supervisor-overview';
import { RestrictedPage } from '@/components/ui/restricted-page';
import { StaffPageHeader } from '@/components/ui/staff-page-header';
import { currentAgent } from '@/lib/auth/session-cookie';
import { canSupervise } from '@/lib/shared/policies';

export const dynamic = 'force-dynamic';

export default async function SupervisorPage() {
  const agent = await currentAgent();
  if (!agent) redirect('/sign-in');
  const t = await getTranslations('supervisorPage');
  if (!canSupervise(agent)) {
    return <RestrictedPage message={t('onlySupervisors')} backLabel={t('back')} />;
  }
  return (
    <main className="mx-auto flex max-w-6xl flex-col gap-6 p-6">
      <StaffPageHeader title={t('title')} links={[{ href: '/reports', label: t('reports') }, { href: '/', label: t('console') }]} />
      <SupervisorOverviewPanel agent={agent} />
      <FailedDeliveries />
    </main>
  );
}
