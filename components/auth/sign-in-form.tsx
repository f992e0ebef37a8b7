'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { useSignIn } from '../api/session';
import { ErrorMessage } from '@/components/ui/error-text';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/field';

export function SignInForm() {
  const router = useRouter();
  const signIn = useSignIn();
  const t = useTranslations('signIn');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  function submit(event: FormEvent) {
    event.preventDefault();
    signIn.mutate({ email, password }, { onSuccess: () => router.replace('/') });
  }

  return (
    <form onSubmit={submit} className="flex w-full max-w-sm flex-col gap-4 rounded-xl bg-white dark:bg-slate-900 p-8 shadow">
      <h1 className="text-xl font-semibold">{t('heading')}</h1>
      <label className="flex flex-col gap-1 text-sm font-medium">
        {t('email')}
        <Input
          type="email"
          name="email"
          autoComplete="username"
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          className="px-3 py-2 font-normal" />
      </label>
      <label className="flex flex-col gap-1 text-sm font-medium">
        {t('password')}
        <Input
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          className="px-3 py-2 font-normal" />
      </label>
      {signIn.error && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          <ErrorMessage error={signIn.error} />
        </p>
      )}
      <Button
        variant="primary"
        size="lg"
        type="submit"
        disabled={signIn.isPending}
      >
        {t('submit')}
      </Button>
    </form>
  );
}
