import { badRequest, tooLarge } from '../errors/app-error';
import { activitySchema, type WireActivity } from '../protocol/activity';
import { MAX_ACTIVITY_CHARS } from '../protocol/directline';

/** A Bot Framework activity from a request body: JSON, the schema, and the 256K-character limit. */
export function parseActivity(bodyText: string): WireActivity {
  if (bodyText.length > MAX_ACTIVITY_CHARS) throw tooLarge('The activity is larger than 256K characters.');
  let parsed: unknown;
  try {
    parsed = JSON.parse(bodyText);
  } catch {
    throw badRequest('BadArgument', 'The activity is not valid JSON.');
  }
  return activitySchema.parse(parsed);
}
