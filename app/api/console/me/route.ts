import { consoleAgent } from '@/lib/http/console-request';
import { reply } from '@/lib/http/console-contract';
import { handle } from '@/lib/http/respond';
import { consoleApi } from '@/lib/protocol/console';

export const dynamic = 'force-dynamic';

export const GET = handle(async (request) => reply(consoleApi.me, { agent: await consoleAgent(request) }));
