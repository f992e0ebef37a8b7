import { consoleAgent } from '@/lib/http/console-request';
import { handle, json } from '@/lib/http/respond';

export const dynamic = 'force-dynamic';

export const GET = handle(async (request) => json({ agent: await consoleAgent(request) }));
