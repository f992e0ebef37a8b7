'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useEffect, useState, type FormEvent } from 'react';
import type { AttributeValue, ContactView } from '@/lib/protocol/console';
import { useContact, useContactSearch, useMergeContacts, useSetContactAttribute, useUndoMerge } from '../api/contacts';
import { Button } from '../ui/button';
import { useDateTime } from '../ui/date-time';
import { ErrorMessage } from '../ui/error-text';
import { Input, Select } from '../ui/field';

/** The contact behind the conversation: identities on every channel, attributes (editable), every conversation, merges. */
export function ContactSection({ contactId, conversationId }: { contactId: string; conversationId: string }) {
  const t = useTranslations('contact');
  const contact = useContact(contactId);
  const data = contact.data;
  if (contact.isError) return <p role="alert" className="mt-4 text-xs text-red-700 dark:text-red-400"><ErrorMessage error={contact.error} /></p>;
  if (!data) return null;
  return (
    <section aria-label={t('region')} className="mt-4">
      <h4 className="text-xs font-semibold uppercase text-slate-500 dark:text-slate-400">{t('region')}</h4>
      <p className="font-medium">{data.name ?? t('unnamed')}</p>
      <ul aria-label={t('identities')} className="mt-1 space-y-0.5 text-xs">
        {data.identities.map((identity) => (
          <li key={identity.id}>
            {identity.channel} · {identity.verified ? `${identity.verified.value} (${t(identity.verified.kind)})` : identity.userId}
          </li>
        ))}
      </ul>
      <Attributes contact={data} />
      <h4 className="mt-3 text-xs font-semibold uppercase text-slate-500 dark:text-slate-400">{t('conversations')}</h4>
      <ContactConversations contact={data} currentId={conversationId} />
      <Merges contact={data} />
    </section>
  );
}

function ContactConversations({ contact, currentId }: { contact: ContactView; currentId: string }) {
  const t = useTranslations('contact');
  const states = useTranslations('state');
  const dateTime = useDateTime();
  const others = contact.conversations.filter((c) => c.id !== currentId);
  if (others.length === 0) return <p className="text-xs text-slate-500 dark:text-slate-400">{t('noOtherConversations')}</p>;
  return (
    <ul aria-label={t('conversations')} className="mt-1 space-y-1">
      {others.map((c) => (
        <li key={c.id}>
          <Link href={`/?c=${encodeURIComponent(c.id)}`} className="block rounded px-1 py-0.5 text-xs hover:bg-slate-100 dark:hover:bg-slate-800">
            <span className="block text-slate-500 dark:text-slate-400">
              {c.channel} · {dateTime(c.lastActivityAt, 'date')} · {states(c.state)}
            </span>
            <span className="block truncate">{c.lastText ?? ''}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

function Attributes({ contact }: { contact: ContactView }) {
  const t = useTranslations('contact');
  const save = useSetContactAttribute(contact.id);
  if (contact.attributes.length === 0) return null;
  return (
    <>
      <h4 className="mt-3 text-xs font-semibold uppercase text-slate-500 dark:text-slate-400">{t('attributes')}</h4>
      <div className="mt-1 space-y-1 text-xs">
        {contact.attributes.map((attribute) => (
          <AttributeField key={`${attribute.id}:${String(attribute.value)}`} attribute={attribute} onSave={(value) => save.mutate({ key: attribute.key, value })} />
        ))}
      </div>
      {save.error && <p role="alert" className="text-xs text-red-700 dark:text-red-400"><ErrorMessage error={save.error} /></p>}
    </>
  );
}

type Attribute = ContactView['attributes'][number];

/** One attribute's field, saved when it loses focus (or, for a box or list, when it changes). */
function AttributeField({ attribute, onSave }: { attribute: Attribute; onSave: (value: AttributeValue | null) => void }) {
  const [draft, setDraft] = useState(attribute.value === null ? '' : String(attribute.value));
  const commit = (text: string) => {
    if (text === (attribute.value === null ? '' : String(attribute.value))) return;
    if (text === '') onSave(null);
    else onSave(attribute.type === 'number' ? Number(text) : text);
  };
  if (attribute.type === 'boolean') {
    return (
      <label className="flex items-center gap-2">
        <input type="checkbox" checked={attribute.value === true} onChange={(event) => onSave(event.target.checked)} />
        {attribute.label}
      </label>
    );
  }
  return (
    <label className="flex flex-col gap-0.5">
      {attribute.label}
      {attribute.type === 'choice' ? (
        <Select value={draft} onChange={(event) => { setDraft(event.target.value); commit(event.target.value); }} className="px-1 py-0.5 text-xs">
          <option value="">—</option>
          {attribute.options.map((option) => <option key={option} value={option}>{option}</option>)}
        </Select>
      ) : (
        <Input
          type={attribute.type === 'number' ? 'number' : attribute.type === 'date' ? 'date' : 'text'}
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          onBlur={() => commit(draft.trim())}
          onKeyDown={(event) => event.key === 'Enter' && commit(draft.trim())}
          className="px-1 py-0.5 text-xs"
        />
      )}
    </label>
  );
}

/** Merge another contact into this one (found by name, identifier or attribute), and undo earlier merges. */
function Merges({ contact }: { contact: ContactView }) {
  const t = useTranslations('contact');
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(search.trim()), 250);
    return () => clearTimeout(timer);
  }, [search]);
  const found = useContactSearch(q);
  const merge = useMergeContacts(contact.id);
  const undo = useUndoMerge();
  const candidates = (found.data ?? []).filter((c) => c.id !== contact.id);
  const submit = (event: FormEvent) => event.preventDefault();
  return (
    <div className="mt-3 text-xs">
      {contact.merges.length > 0 && (
        <ul aria-label={t('merges')} className="space-y-1">
          {contact.merges.map((m) => (
            <li key={m.id} className="flex items-center justify-between gap-2">
              <span>{t('mergedFrom', { name: m.sourceName ?? t('unnamed') })}</span>
              <Button size="sm" onClick={() => undo.mutate(m.id)} disabled={undo.isPending}>{t('undoMerge')}</Button>
            </li>
          ))}
        </ul>
      )}
      <form role="search" aria-label={t('findContact')} onSubmit={submit} className="mt-2">
        <Input type="search" aria-label={t('findContact')} placeholder={t('findPlaceholder')} value={search} onChange={(event) => setSearch(event.target.value)} className="w-full px-1 py-0.5 text-xs" />
      </form>
      {q && (
        <ul aria-label={t('found')} className="mt-1 space-y-1">
          {candidates.length === 0 && found.data && <li className="text-slate-500 dark:text-slate-400">{t('noneFound')}</li>}
          {candidates.map((c) => (
            <li key={c.id} className="flex items-center justify-between gap-2">
              <span className="truncate">{c.name ?? t('unnamed')} · {c.identities.map((i) => i.verified?.value ?? i.userId).join(', ')}</span>
              <Button size="sm" onClick={() => merge.mutate(c.id, { onSuccess: () => setSearch('') })} disabled={merge.isPending} aria-label={t('mergeNamed', { name: c.name ?? t('unnamed') })}>
                {t('merge')}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {(merge.error ?? undo.error) && <p role="alert" className="text-red-700 dark:text-red-400"><ErrorMessage error={merge.error ?? undo.error} /></p>}
    </div>
  );
}
