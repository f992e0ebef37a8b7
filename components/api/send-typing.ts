import { useMutation } from '@tanstack/react-query';
import { fetchJson } from './fetch-json';

export function useSendTyping() {
  return useMutation({
    mutationFn: (conversationId: string) =>
      fetchJson<{ ok: true }>(`/api/console/conversations/${encodeURIComponent(conversationId)}/typing`, { method: 'POST', body: {} }),
  });
}
