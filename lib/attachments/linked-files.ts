// Which of an activity's attachments are files given by link or data URI (to fetch or decode and
// store), and which stay inline (cards): shared by the channels' `media.ts` and the bot's messages.
import type { WireActivity } from '../protocol/activity';
import { isDataUri } from './data-uri';
import type { ActivityMedia, InboundMedia } from './inbound-media';

export type WireAttachment = NonNullable<WireActivity['attachments']>[number];

/** Splits the attachments with `toMedia` (null: not a file). */
export function splitAttachments(activity: WireActivity, toMedia: (attachment: WireAttachment) => InboundMedia | null): ActivityMedia<WireAttachment> {
  const result: ActivityMedia<WireAttachment> = { media: [], others: [] };
  for (const attachment of activity.attachments ?? []) {
    const media = toMedia(attachment);
    if (media) result.media.push(media);
    else result.others.push(attachment);
  }
  return result;
}

/** An attachment given by `contentUrl`, fetched (http/https) or decoded (a data URI); null for inline content (cards). */
export function urlOrDataUri(attachment: WireAttachment): InboundMedia | null {
  const url = attachment.contentUrl;
  if (!url || attachment.content !== undefined) return null;
  if (isDataUri(url)) return { kind: 'data', uri: url, name: attachment.name ?? null };
  return { kind: 'url', url, name: attachment.name ?? null, contentType: attachment.contentType.includes('*') ? null : attachment.contentType };
}
