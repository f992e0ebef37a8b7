import { tooLarge } from '../errors/app-error';
import { parseJsonText } from '../http/parse-json';
import { activitySchema, type WireActivity } from '../protocol/activity';
import { MAX_ACTIVITY_CHARS } from '../protocol/directline';

/** A Bot Framework activity from a request body: JSON, the schema, and the 256K-character limit. */
export function parseActivity(bodyText: string): WireActivity {
  if (bodyText.length > MAX_ACTIVITY_CHARS) throw tooLarge('The activity is larger than 256K characters.');
  return activitySchema.parse(parseJsonText(bodyText, 'The activity'));
}
