import { z } from 'zod';
import { createAgent, listAgents } from '@/lib/admin/manage-agents';
import { consoleAdmin } from '@/lib/http/console-access';
import { handle, json, readJson } from '@/lib/http/respond';

export const dynamic = 'force-dynamic';

const body = z
  .object({
    email: z.email().max(254),
    displayName: z.string().trim().min(1).max(100),
    role: z.enum(['agent', 'supervisor', 'admin']).default('agent'),
    capacity: z.number().int().min(0).max(100).default(5),
    password: z.string().min(12, 'at least 12 characters').max(200),
    queueIds: z.array(z.uuid()).max(100).default([]),
  })
  .strict();

export const GET = handle(async (request) => {
  await consoleAdmin(request);
  return json({ items: await listAgents() });
});

export const POST = handle(async (request) => {
  await consoleAdmin(request);
  return json(await createAgent(await readJson(request, body, 10_000)), { status: 201 });
});
