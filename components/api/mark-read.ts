import { useMutation } from '@tanstack/react-query';
import { fetchJson } from './fetch-json';

export function useMarkRead() {
  return useMutation({
    mutationFn: (conversationId: string) =>
      fetchJson<{ ok: true }>(`/api/console/conversations/${encodeURIComponent(conversationId)}/read`, {
        method: 'POST',
        body: {},
      }),
  });
}
