import type { Metadata } from 'next';
import { Suspense } from 'react';
import { DemoChat } from '@/components/demo/demo-chat';

export const metadata: Metadata = { title: 'Customer demo — Web Chat' };

/** A customer's side of the conversation: the official Bot Framework Web Chat on our Direct Line. */
export default function DemoPage() {
  return (
    <main className="mx-auto flex h-screen max-w-xl flex-col gap-2 p-4">
      <h1 className="text-lg font-semibold">Chat with us</h1>
      <p className="text-sm text-slate-500">
        Bot Framework Web Chat, talking to this console through Direct Line. Sign in as an agent in another window to answer.
      </p>
      <Suspense>
        <DemoChat />
      </Suspense>
    </main>
  );
}
