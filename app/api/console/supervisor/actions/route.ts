import { supervisorActions } from '@/lib/conversations/supervise/overview';
import { consoleSupervisor } from '@/lib/http/console-access';
import { handle, json } from '@/lib/http/respond';

export const dynamic = 'force-dynamic';

/** The log of supervisor actions, newest first. */
export const GET = handle(async (request) => {
  await consoleSupervisor(request);
  return json({ items: await supervisorActions() });
});
