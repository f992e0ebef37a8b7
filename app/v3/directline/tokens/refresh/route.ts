import { refreshToken } from '@/lib/channels/directline/conversations';
import { directLineCaller } from '@/lib/channels/directline/http';
import { handle, json } from '@/lib/http/respond';

export const POST = handle(async (request) => json(await refreshToken(await directLineCaller(request))));
