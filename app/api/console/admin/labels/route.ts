import { createLabel } from '@/lib/labels/labels';
import { consoleAdmin } from '@/lib/http/console-access';
import { reply } from '@/lib/http/console-contract';
import { handle, readJson } from '@/lib/http/respond';
import { consoleApi } from '@/lib/protocol/console';

export const POST = handle(async (request) => {
  const admin = await consoleAdmin(request);
  const label = await readJson(request, consoleApi.createLabel.body, 2_000);
  return reply(consoleApi.createLabel, await createLabel(label, admin), { status: 201 });
});
