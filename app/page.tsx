import { redirect } from 'next/navigation';
import { Suspense } from 'react';
import { ConsoleShell } from '@/components/console/console-shell';
import { currentAgent } from '@/lib/auth/session-cookie';

export const dynamic = 'force-dynamic';

export default async function ConsolePage() {
  const agent = await currentAgent();
  if (!agent) redirect('/sign-in');
  return (
    <Suspense>
      <ConsoleShell agent={agent} />
    </Suspense>
  );
}
