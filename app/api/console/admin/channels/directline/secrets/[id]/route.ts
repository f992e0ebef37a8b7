import { revokeDirectLineSecret } from '@/lib/channels/channel-settings';
import { notFound } from '@/lib/errors/app-error';
import { consoleAdmin } from '@/lib/http/console-access';
import { reply } from '@/lib/http/console-contract';
import { handle } from '@/lib/http/respond';
import { consoleApi } from '@/lib/protocol/console';

export const DELETE = handle(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const admin = await consoleAdmin(request);
  if (!(await revokeDirectLineSecret((await params).id, admin))) throw notFound('No such secret.', 'SecretNotFound');
  return reply(consoleApi.revokeDirectLineSecret, { ok: true });
});
