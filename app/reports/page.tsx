import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { Suspense } from 'react';
import { ReportsView } from '@/components/reports/reports-view';
import { ThemeToggle } from '@/components/theme/theme-toggle';
import { LanguageSelect } from '@/components/ui/language-select';
import { RestrictedPage } from '@/components/ui/restricted-page';
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
      <header className="flex items-center justify-between">
        <h1 className="text-xl font-semibold">{t('title')}</h1>
        <div className="flex items-center gap-3">
          <LanguageSelect />
          <ThemeToggle />
          <Link href="/supervisor" className="text-sm underline">
            {t('supervisor')}
          </Link>
          <Link href="/" className="text-sm underline">
            {t('console')}
          </Link>
        </div>
      </header>
      <Suspense>
        <ReportsView />
      </Suspense>
    </main>
  );
}
