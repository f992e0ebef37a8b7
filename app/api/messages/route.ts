import { parseActivity } from '@/lib/channels/parse-activity';
import { assertServiceUrl, verifyChannelToken } from '@/lib/channels/teams/channel-auth';
import { assertRoutingHeaders } from '@/lib/channels/teams/routing-headers';
import { receiveChannelActivity } from '@/lib/channels/teams/inbound';
import { handle, json, readText } from '@/lib/http/respond';
import { cardActionAnswer, isCardActionInvoke } from '@/lib/protocol/card-submit';
import { metrics } from '@/lib/metrics/registry';

/** The messaging endpoint Bot Framework channels (Microsoft Teams, …) deliver to. */
export const POST = handle(async (request) => {
  const claims = await verifyChannelToken(request.headers.get('authorization'));
  const activity = parseActivity(await readText(request, 1_100_000));
  assertServiceUrl(claims, activity.serviceUrl);
  assertRoutingHeaders(request.headers, activity);
  const outcome = await receiveChannelActivity(activity);
  // Action.Execute waits for an answer it shows the user in place of the card's button.
  if (isCardActionInvoke(activity)) return json(cardActionAnswer('Thanks, your answer has been sent.'), { status: 200 });
  if (activity.type === 'message' && outcome !== 'ignored') {
    metrics().activitiesReceived.inc({ channel: activity.channelId ?? 'botframework', duplicate: String(outcome === 'duplicate') });
  }
  return json({}, { status: 200 });
});
