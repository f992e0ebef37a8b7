// Sends one activity to a custom messaging channel's webhook.
import { httpAttempt } from '../../outbound/http-attempt';
import { CUSTOM_CHANNEL_POLICY, type AttemptOutcome } from '../../outbound/retry-policy';
import { accessToken, forgetAccessToken } from './access-token';
import type { CustomChannelActivity } from './payload';
import { activitiesUrl, type CustomChannelSettings } from './settings';

export async function sendToCustomChannel(
  settings: CustomChannelSettings,
  activity: CustomChannelActivity,
  timeoutMs = CUSTOM_CHANNEL_POLICY.timeoutMs,
): Promise<AttemptOutcome> {
  let token: string | null;
  try {
    token = await accessToken(settings);
  } catch (error) {
    return { kind: 'network', message: `token request failed: ${(error as Error).message}` };
  }
  const outcome = await httpAttempt({
    url: activitiesUrl(settings, activity.conversation.id),
    headers: { ...(token && { Authorization: `Bearer ${token}` }), 'Idempotency-Key': activity.id },
    body: activity,
    timeoutMs,
  });
  if (outcome.kind === 'answered' && outcome.status === 401) forgetAccessToken(settings);
  return outcome;
}
