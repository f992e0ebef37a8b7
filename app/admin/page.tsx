import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { AgentsAdmin } from '@/components/admin/agents-admin';
import { AuditLogAdmin } from '@/components/admin/audit-log-admin';
import { BotsAdmin } from '@/components/admin/bots-admin';
import { ChannelsAdmin } from '@/components/admin/channels-admin';
import { QueuesAdmin } from '@/components/admin/queues-admin';
import { ContactAttributesAdmin, LabelsAdmin } from '@/components/admin/labels-attributes-admin';
import { RestrictedPage } from '@/components/ui/restricted-page';
import { StaffPageHeader } from '@/components/ui/staff-page-header';
import { currentAgent } from '@/lib/auth/session-cookie';
import { canAdminister } from '@/lib/shared/policies';

export const dynamic = 'force-dynamic';

export default async function AdminPage() {
  const agent = await currentAgent();
  if (!agent) redirect('/sign-in');
  const t = await getTranslations('admin');
  if (!canAdminister(agent)) {
    return <RestrictedPage message={t('adminsOnly')} backLabel={t('backToConsole')} />;
  }
  return (
    <main className="mx-auto flex max-w-6xl flex-col gap-6 p-6">
      <StaffPageHeader title={t('title')} links={[{ href: '/supervisor', label: t('supervisorLink') }, { href: '/', label: t('backToConsole') }]} language={false} />
      <AgentsAdmin />
      <QueuesAdmin />
      <ChannelsAdmin />
      <BotsAdmin />
      <LabelsAdmin />
      <ContactAttributesAdmin />
      <AuditLogAdmin />
    </main>
  );
}
