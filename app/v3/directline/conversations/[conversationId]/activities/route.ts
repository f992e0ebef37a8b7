import { getActivities, postActivity } from '@/lib/channels/directline/activities';
import { parseActivity } from '@/lib/channels/parse-activity';
import { directLineCaller } from '@/lib/channels/directline/http';
import { handle, json, readText } from '@/lib/http/respond';
import { metrics } from '@/lib/metrics/registry';
import { MAX_ACTIVITY_CHARS, watermarkSchema } from '@/lib/protocol/directline';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ conversationId: string }> };

export const POST = handle(async (request, { params }: Context) => {
  const caller = await directLineCaller(request);
  const { conversationId } = await params;
  // Up to 4 bytes per character in UTF-8; parseActivity enforces the character limit itself.
  const activity = parseActivity(await readText(request, MAX_ACTIVITY_CHARS * 4));
  const { id, duplicate } = await postActivity(caller, conversationId, activity);
  metrics().activitiesReceived.inc({ channel: 'directline', duplicate: String(duplicate) });
  return json({ id });
});

export const GET = handle(async (request, { params }: Context) => {
  const caller = await directLineCaller(request);
  const { conversationId } = await params;
  const watermark = watermarkSchema.parse(new URL(request.url).searchParams.get('watermark') || undefined);
  return json(await getActivities(caller, conversationId, watermark));
});
