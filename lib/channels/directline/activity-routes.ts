// POST and GET /v3/directline/conversations/{id}/activities. The custom server answers the POST
// itself, ahead of Next.js (lib/server/direct-routes.ts); the App Router route serves the same.
import { metrics } from '../../metrics/registry';
import { answer, incomingOf, toResponse } from '../../http/incoming';
import { json } from '../../http/respond';
import { MAX_DATA_URI_CHARS } from '../../protocol/activity';
import { MAX_ACTIVITY_CHARS, watermarkSchema } from '../../protocol/directline';
import { parseActivity } from '../parse-activity';
import { getActivities, postActivity } from './activities';
import { directLineCaller, handleDirectLine, handleDirectLineIncoming } from './http';

type ConversationRouteContext = { params: Promise<{ conversationId: string }> };

/** POST: the custom server calls this directly; the App Router through `postActivityRoute`. */
export const postActivityAnswer = handleDirectLineIncoming(async (incoming, conversationId: string) => {
  const caller = await directLineCaller(incoming);
  // Up to 4 bytes per character in UTF-8, and a file as a data URI; parseActivity enforces the character limit itself.
  const activity = parseActivity((await incoming.bytes(MAX_ACTIVITY_CHARS * 4 + MAX_DATA_URI_CHARS)).toString('utf8'));
  const { id, duplicate } = await postActivity(caller, conversationId, activity);
  metrics().activitiesReceived.inc({ channel: 'directline', duplicate: String(duplicate) });
  return answer({ id });
});

export async function postActivityRoute(request: Request, { params }: ConversationRouteContext): Promise<Response> {
  return toResponse(await postActivityAnswer(incomingOf(request), (await params).conversationId));
}

export const getActivitiesRoute = handleDirectLine(async (request, { params }: ConversationRouteContext) => {
  const caller = await directLineCaller(request);
  const { conversationId } = await params;
  const watermark = watermarkSchema.parse(new URL(request.url).searchParams.get('watermark') || undefined);
  return json(await getActivities(caller, conversationId, watermark));
});
