// The shape every channel's `media.ts` shares, so each can hang on its channel's adapter: given an
// activity as the channel sent it, which attachments are files to store (and how to get them), and
// which stay in the activity (cards and other inline content).
import type { ActivityMedia } from '../attachments/inbound-media';
import type { WireAttachment } from '../attachments/linked-files';
import type { WireActivity } from '../protocol/activity';

export { splitAttachments, urlOrDataUri, type WireAttachment } from '../attachments/linked-files';

export interface MediaContext {
  /** Where the channel's Bot Connector service answers (Teams): its own hosts get the bot's token. */
  serviceUrl?: string | null;
}

export type ChannelMedia = (activity: WireActivity, context: MediaContext) => ActivityMedia<WireAttachment>;
