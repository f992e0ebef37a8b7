import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/auth/sign-in-form';
import { currentAgent } from '@/lib/auth/session-cookie';

export const dynamic = 'force-dynamic';

export default async function SignInPage() {
  if (await currentAgent()) redirect('/');
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <SignInForm />
    </main>
  );
}
