import { useMutation } from '@tanstack/react-query';
import { consoleApi, type SignInInput } from '@/lib/protocol/console';
import { callConsole } from './fetch-json';

export function useSignIn() {
  return useMutation({
    mutationFn: (input: SignInInput) => callConsole(consoleApi.signIn, { body: input }),
  });
}

export function useSignOut() {
  return useMutation({
    mutationFn: () => callConsole(consoleApi.signOut),
  });
}
