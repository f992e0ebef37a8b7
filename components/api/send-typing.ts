import { useMutation } from '@tanstack/react-query';
import { consoleApi } from '@/lib/protocol/console';
import { callConsole } from './fetch-json';

export function useSendTyping() {
  return useMutation({
    mutationFn: (conversationId: string) => callConsole(consoleApi.typing, { params: { id: conversationId } }),
  });
}
