import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Suspense } from 'react';
import { DemoChat } from '@/components/demo/demo-chat';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('demo'))('title') };
}

/** A customer's side of the conversation: the official Bot Framework Web Chat on our Direct Line. */
export default async function DemoPage() {
  const t = await getTranslations('demo');
  return (
    <main className="mx-auto flex h-screen max-w-xl flex-col gap-2 p-4">
      <h1 className="text-lg font-semibold">{t('heading')}</h1>
      <p className="text-sm text-slate-500">
        {t('intro')}
      </p>
      <Suspense>
        <DemoChat />
      </Suspense>
    </main>
  );
}
