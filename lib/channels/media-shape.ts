// The shape every channel's `media.ts` shares, so each can hang on its channel's adapter: given an
// activity as the channel sent it, which attachments are files to store (and how to get them), and
// which stay in the activity (cards and other inline content).
import { isDataUri } from '../attachments/data-uri';
import type { ActivityMedia, InboundMedia } from '../attachments/inbound-media';
import type { WireActivity } from '../protocol/activity';

export type WireAttachment = NonNullable<WireActivity['attachments']>[number];

export interface MediaContext {
  /** Where the channel's Bot Connector service answers (Teams): its own hosts get the bot's token. */
  serviceUrl?: string | null;
}

export type ChannelMedia = (activity: WireActivity, context: MediaContext) => ActivityMedia<WireAttachment>;

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
