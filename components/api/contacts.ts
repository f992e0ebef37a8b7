// Contacts (the customer panel) and labels (conversation header, inbox, administration).
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { consoleApi, type AttributeValue, type ContactView } from '@/lib/protocol/console';
import { callConsole } from './fetch-json';
import { queryKeys } from './query-keys';

export const contactQuery = (id: string) =>
  queryOptions({ queryKey: queryKeys.contact(id), queryFn: () => callConsole(consoleApi.contact, { params: { id } }) });

export const useContact = (id: string | null) => useQuery({ ...contactQuery(id ?? ''), enabled: id !== null });

/** Contacts found by name, identifier or attribute value (nothing asked: nothing fetched). */
export const useContactSearch = (q: string) =>
  useQuery({
    queryKey: queryKeys.contactSearch(q),
    queryFn: () => callConsole(consoleApi.contacts, { query: { q } }).then((page) => page.items),
    enabled: q.length > 0,
  });

export const labelsQuery = queryOptions({
  queryKey: queryKeys.labels,
  queryFn: () => callConsole(consoleApi.labels).then((page) => page.items),
  staleTime: 60_000,
});
export const useLabels = () => useQuery(labelsQuery);

export const contactAttributesQuery = queryOptions({
  queryKey: queryKeys.contactAttributes,
  queryFn: () => callConsole(consoleApi.contactAttributes).then((page) => page.items),
});
export const useContactAttributes = () => useQuery(contactAttributesQuery);

export function useSetContactAttribute(contactId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ key, value }: { key: string; value: AttributeValue | null }) =>
      callConsole(consoleApi.setContactAttribute, { params: { id: contactId, key }, body: { value } }),
    onSuccess: (contact) => client.setQueryData<ContactView>(queryKeys.contact(contactId), contact),
  });
}

/** Merging or undoing changes two contacts and the panels that show them: every contact is fetched again. */
function useContactsChange<Input>(call: (input: Input) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: queryKeys.contacts });
      await client.invalidateQueries({ queryKey: queryKeys.customers });
    },
  });
}

export const useMergeContacts = (targetId: string) =>
  useContactsChange((sourceId: string) => callConsole(consoleApi.mergeContacts, { params: { id: targetId }, body: { sourceId } }));

export const useUndoMerge = () => useContactsChange((mergeId: string) => callConsole(consoleApi.undoContactMerge, { params: { id: mergeId } }));

/** A label on or off a conversation; the answer (and the realtime event) carry the new summary. */
export function useSetLabel(conversationId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ labelId, on }: { labelId: string; on: boolean }) =>
      callConsole(on ? consoleApi.addLabel : consoleApi.removeLabel, { params: { id: conversationId, labelId } }),
    onSuccess: (summary) => client.setQueryData(queryKeys.conversation(conversationId), summary),
  });
}

/** Administrators: a new label or contact attribute; every list of them is fetched again. */
export function useDefine<Input>(call: (input: Input) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: queryKeys.labels });
      await client.invalidateQueries({ queryKey: queryKeys.contactAttributes });
      await client.invalidateQueries({ queryKey: queryKeys.contacts });
    },
  });
}
