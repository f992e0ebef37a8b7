import { refreshToken } from '@/lib/channels/directline/conversations';
import { directLineCaller, handleDirectLine } from '@/lib/channels/directline/http';
import { json } from '@/lib/http/respond';

export const POST = handleDirectLine(async (request) => json(await refreshToken(await directLineCaller(request))));
