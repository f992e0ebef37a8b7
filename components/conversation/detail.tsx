import type { ReactNode } from 'react';

/** One "Label: value" line of a panel's description list; nothing when there is no value. */
export function Detail({ label, children }: { label: string; children: ReactNode }) {
  if (children === null || children === undefined || children === false || children === '') return null;
  return (
    <div>
      <dt className="inline font-medium">{label}: </dt>
      <dd className="inline break-all">{children}</dd>
    </div>
  );
}
