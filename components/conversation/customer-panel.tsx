'use client';

import Link from 'next/link';
import type { ConversationSummary } from '@/lib/views/types';
import { useCustomerProfile } from '../api/customer-profile';

/** The customer at a glance: channel and identity, locale, what the channel knows, earlier conversations. */
export function CustomerPanel({ conversation }: { conversation: ConversationSummary }) {
  const profile = useCustomerProfile(conversation.id);
  const data = profile.data;
  return (
    <aside aria-label="Customer" className="hidden w-72 shrink-0 overflow-y-auto border-l border-slate-200 bg-white p-3 text-sm lg:block">
      <h3 className="font-semibold">{conversation.customerName}</h3>
      <dl className="mt-2 space-y-1 text-xs text-slate-600">
        <div>
          <dt className="inline font-medium">Channel: </dt>
          <dd className="inline">{conversation.channel}</dd>
        </div>
        {data?.customerId && (
          <div>
            <dt className="inline font-medium">Id: </dt>
            <dd className="inline break-all">{data.customerId}</dd>
          </div>
        )}
        {data?.locale && (
          <div>
            <dt className="inline font-medium">Locale: </dt>
            <dd className="inline">{data.locale}</dd>
          </div>
        )}
        {conversation.analysis?.language && (
          <div>
            <dt className="inline font-medium">Language: </dt>
            <dd className="inline">{conversation.analysis.language}</dd>
          </div>
        )}
        {conversation.channelInfo?.tenantId && (
          <div>
            <dt className="inline font-medium">Tenant: </dt>
            <dd className="inline break-all">{conversation.channelInfo.tenantId}</dd>
          </div>
        )}
        {conversation.replyWindowEndsAt && (
          <div>
            <dt className="inline font-medium">Reply window until: </dt>
            <dd className="inline">{new Date(conversation.replyWindowEndsAt).toLocaleString()}</dd>
          </div>
        )}
      </dl>
      <h4 className="mt-4 text-xs font-semibold uppercase text-slate-500">Previous conversations</h4>
      {data && data.previousConversations.length === 0 && <p className="text-xs text-slate-500">None.</p>}
      <ul aria-label="Previous conversations" className="mt-1 space-y-1">
        {data?.previousConversations.map((previous) => (
          <li key={previous.id}>
            <Link href={`/?c=${encodeURIComponent(previous.id)}`} className="block rounded px-1 py-0.5 text-xs hover:bg-slate-100">
              <span className="block text-slate-500">
                {new Date(previous.lastActivityAt).toLocaleDateString()} · {previous.state}
              </span>
              <span className="block truncate">{previous.lastText ?? ''}</span>
            </Link>
          </li>
        ))}
      </ul>
    </aside>
  );
}
