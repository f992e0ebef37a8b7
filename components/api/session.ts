import { useMutation } from '@tanstack/react-query';
import type { AgentView } from '@/lib/views/types';
import { fetchJson } from './fetch-json';

export function useSignIn() {
  return useMutation({
    mutationFn: (input: { email: string; password: string }) =>
      fetchJson<{ agent: AgentView }>('/api/console/auth/sign-in', { method: 'POST', body: input }),
  });
}

export function useSignOut() {
  return useMutation({
    mutationFn: () => fetchJson<{ ok: true }>('/api/console/auth/sign-out', { method: 'POST', body: {} }),
  });
}
