import { useMutation } from '@tanstack/react-query';
import { consoleApi } from '@/lib/protocol/console';
import { callConsole } from './fetch-json';

export function useMarkRead() {
  return useMutation({
    mutationFn: (conversationId: string) => callConsole(consoleApi.markRead, { params: { id: conversationId } }),
  });
}
