import { startConversation } from '@/lib/channels/directline/conversations';
import { directLineCaller, handleDirectLine } from '@/lib/channels/directline/http';
import { json, methodNotAllowed, readJson } from '@/lib/http/respond';
import { startConversationSchema } from '@/lib/protocol/directline';

export const POST = handleDirectLine(async (request) => {
  const caller = await directLineCaller(request);
  const body = await readJson(request, startConversationSchema, 64_000);
  const { created, conversation } = await startConversation(caller, body);
  return json(conversation, { status: created ? 201 : 200 });
});

export const GET = methodNotAllowed;
