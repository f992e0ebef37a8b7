import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { generateToken } from '@/lib/channels/directline/conversations';
import { handle, json, readJson } from '@/lib/http/respond';

const body = z.object({ name: z.string().trim().min(1).max(80).optional() }).default({});

/**
 * Mints a Direct Line token for the /demo page on the server, the way a website's backend would:
 * the Direct Line secret never reaches the browser.
 */
export const POST = handle(async (request) => {
  const { name } = await readJson(request, body, 2000);
  const user = { id: `demo-${randomBytes(6).toString('hex')}`, name: name ?? 'Demo Customer' };
  const { token, conversationId } = await generateToken({ kind: 'secret' }, { user });
  return json({ token, conversationId, userId: user.id, userName: user.name });
});
