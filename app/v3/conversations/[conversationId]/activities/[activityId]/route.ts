import { connectorRoute } from '@/lib/channels/connector/http';
import { deleteConnectorActivity, postConnectorActivity, updateConnectorActivity } from '@/lib/channels/connector/service';
import { parseActivity } from '@/lib/channels/parse-activity';
import { json, readText } from '@/lib/http/respond';

type Params = { conversationId: string; activityId: string };

/** A reply: `replyToId` is the activity in the path. */
export const POST = connectorRoute<Params>(async (request, { conversationId, activityId }) => {
  const activity = parseActivity(await readText(request, 1_100_000));
  return json(await postConnectorActivity(conversationId, activity, activityId), { status: 201 });
});

export const PUT = connectorRoute<Params>(async (request, { conversationId, activityId }) => {
  const activity = parseActivity(await readText(request, 1_100_000));
  return json(await updateConnectorActivity(conversationId, activityId, activity));
});

/** 200, never 204: the official client treats 204 as an error. */
export const DELETE = connectorRoute<Params>(async (_request, { conversationId, activityId }) => {
  await deleteConnectorActivity(conversationId, activityId);
  return json({}, { status: 200 });
});
