import { generateToken } from '@/lib/channels/directline/conversations';
import { directLineCaller, handleDirectLine } from '@/lib/channels/directline/http';
import { json, readJson } from '@/lib/http/respond';
import { startConversationSchema } from '@/lib/protocol/directline';

export const POST = handleDirectLine(async (request) => {
  const caller = await directLineCaller(request);
  const body = await readJson(request, startConversationSchema, 64_000);
  return json(await generateToken(caller, body));
});
