import { z } from 'zod';
import { updateAgent } from '@/lib/admin/manage-agents';
import { consoleAdmin } from '@/lib/http/console-access';
import { handle, json, readJson } from '@/lib/http/respond';

const body = z
  .object({
    displayName: z.string().trim().min(1).max(100).optional(),
    role: z.enum(['agent', 'supervisor', 'admin']).optional(),
    capacity: z.number().int().min(0).max(100).optional(),
    password: z.string().min(12, 'at least 12 characters').max(200).optional(),
    queueIds: z.array(z.uuid()).max(100).optional(),
    active: z.boolean().optional(),
  })
  .strict();

/** Role, capacity, queues, password, or deactivation (which ends the agent's sessions). */
export const PATCH = handle(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const admin = await consoleAdmin(request);
  const { id } = await params;
  return json(await updateAgent(id, await readJson(request, body, 10_000), admin.id));
});
