import Link from 'next/link';

/** What a signed-in person sees on a page their role does not open. */
export function RestrictedPage({ message, backLabel }: { message: string; backLabel: string }) {
  return (
    <main className="p-8">
      <p role="alert">{message}</p>
      <Link href="/" className="underline">
        {backLabel}
      </Link>
    </main>
  );
}
