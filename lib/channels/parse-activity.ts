import { tooLarge } from '../errors/app-error';
import { parseJsonText } from '../http/parse-json';
import { activitySchema, dataUriChars, type WireActivity } from '../protocol/activity';
import { MAX_ACTIVITY_CHARS } from '../protocol/directline';

const tooLong = () => tooLarge('The activity is larger than 256K characters.');
/** Every JSON string that starts like a data URI: an upper bound of what the limit does not count. */
const DATA_URI_STRINGS = /"data:[^"]*"/gi;

/**
 * A Bot Framework activity from a request body: JSON, the schema, and the 256K-character limit —
 * which counts everything but files sent inline as data URIs (those are bounded by the upload limit,
 * and the route's body limit), so a picture within the upload limit is not refused for its size.
 */
export function parseActivity(bodyText: string): WireActivity {
  if (bodyText.length > MAX_ACTIVITY_CHARS && bodyText.length - inlineChars(bodyText) > MAX_ACTIVITY_CHARS) throw tooLong();
  const activity = activitySchema.parse(parseJsonText(bodyText, 'The activity'));
  if (bodyText.length > MAX_ACTIVITY_CHARS && bodyText.length - dataUriChars(activity) > MAX_ACTIVITY_CHARS) throw tooLong();
  return activity;
}

function inlineChars(bodyText: string): number {
  let sum = 0;
  for (const match of bodyText.matchAll(DATA_URI_STRINGS)) sum += match[0].length;
  return sum;
}
