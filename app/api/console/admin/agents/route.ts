import { createAgent, listAgents } from '@/lib/admin/manage-agents';
import { consoleAdmin } from '@/lib/http/console-access';
import { reply } from '@/lib/http/console-contract';
import { handle, readJson } from '@/lib/http/respond';
import { consoleApi } from '@/lib/protocol/console';

export const dynamic = 'force-dynamic';

export const GET = handle(async (request) => {
  await consoleAdmin(request);
  return reply(consoleApi.adminAgents, { items: await listAgents() });
});

export const POST = handle(async (request) => {
  const admin = await consoleAdmin(request);
  return reply(consoleApi.createAgent, await createAgent(await readJson(request, consoleApi.createAgent.body, 10_000), admin), { status: 201 });
});
