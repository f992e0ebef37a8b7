import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { FailedDeliveries } from '@/components/supervisor/failed-deliveries';
import { SupervisorOverviewPanel } from '@/components/supervisor/supervisor-overview';
import { ThemeToggle } from '@/components/theme/theme-toggle';
import { RestrictedPage } from '@/components/ui/restricted-page';
import { LanguageSelect } from '@/components/ui/language-select';
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
      <header className="flex items-center justify-between">
        <h1 className="text-xl font-semibold">{t('title')}</h1>
        <div className="flex items-center gap-3">
          <LanguageSelect />
          <ThemeToggle />
          <Link href="/reports" className="text-sm underline">
            {t('reports')}
          </Link>
          <Link href="/" className="text-sm underline">
            {t('console')}
          </Link>
        </div>
      </header>
      <SupervisorOverviewPanel agent={agent} />
      <FailedDeliveries />
    </main>
  );
}
