import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/auth/sign-in-form';
import { ThemeToggle } from '@/components/theme/theme-toggle';
import { LanguageSelect } from '@/components/ui/language-select';
import { currentAgent } from '@/lib/auth/session-cookie';

export const dynamic = 'force-dynamic';

export default async function SignInPage() {
  if (await currentAgent()) redirect('/');
  return (
    <main className="relative flex min-h-screen items-center justify-center p-4">
      <div className="absolute top-4 right-4 flex items-center gap-2">
        <LanguageSelect />
        <ThemeToggle />
      </div>
      <SignInForm />
    </main>
  );
}
