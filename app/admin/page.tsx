import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { AgentsAdmin } from '@/components/admin/agents-admin';
import { ChannelsAdmin } from '@/components/admin/channels-admin';
import { QueuesAdmin } from '@/components/admin/queues-admin';
import { ThemeToggle } from '@/components/theme/theme-toggle';
import { RestrictedPage } from '@/components/ui/restricted-page';
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
      <header className="flex items-center justify-between">
        <h1 className="text-xl font-semibold">{t('title')}</h1>
        <div className="flex items-center gap-3">
          <ThemeToggle />
          <Link href="/supervisor" className="text-sm underline">
            {t('supervisorLink')}
          </Link>
          <Link href="/" className="text-sm underline">
            {t('backToConsole')}
          </Link>
        </div>
      </header>
      <AgentsAdmin />
      <QueuesAdmin />
      <ChannelsAdmin />
    </main>
  );
}
