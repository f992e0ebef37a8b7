import { clearSessionCookie, currentAgent } from '@/lib/auth/session-cookie';
import { setPresence } from '@/lib/conversations/routing/agent-status';
import { signOut } from '@/lib/auth/sessions';
import { handle, json } from '@/lib/http/respond';

export const POST = handle(async () => {
  const agent = await currentAgent();
  if (agent) await setPresence({ agentId: agent.id, presence: 'offline' });
  const sessionId = await clearSessionCookie();
  if (sessionId) await signOut(sessionId);
  return json({ ok: true });
});
