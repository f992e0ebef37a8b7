import { clearSessionCookie, currentAgent } from '@/lib/auth/session-cookie';
import { setPresence } from '@/lib/conversations/routing/agent-status';
import { signOut } from '@/lib/auth/sessions';
import { reply } from '@/lib/http/console-contract';
import { handle } from '@/lib/http/respond';
import { consoleApi } from '@/lib/protocol/console';

export const POST = handle(async () => {
  const agent = await currentAgent();
  if (agent) await setPresence({ agentId: agent.id, presence: 'offline' });
  const sessionId = await clearSessionCookie();
  if (sessionId) await signOut(sessionId);
  return reply(consoleApi.signOut, { ok: true });
});
