// Files a Teams user sends. Inline pictures arrive as `{contentType: "image/*", contentUrl}` on the
// Bot Connector service's attachment store, which wants the bot's token; files in personal chats
// as `application/vnd.microsoft.teams.file.download.info`, whose `content.downloadUrl` is
// pre-authorised and short-lived (no token: it is a SharePoint link). The token goes only to the
// conversation's service host and Microsoft's attachment hosts, never to wherever a link points.
import { clientCredentialsToken } from '../../auth/client-credentials';
import type { InboundMedia } from '../../attachments/inbound-media';
import { splitAttachments, urlOrDataUri, type ChannelMedia, type MediaContext, type WireAttachment } from '../media-shape';
import { botCredentials } from './reply';

export const FILE_DOWNLOAD_INFO = 'application/vnd.microsoft.teams.file.download.info';

/** Hosts of Microsoft's Bot Framework and Teams attachment stores (besides the conversation's serviceUrl). */
const ATTACHMENT_HOSTS = [/(^|\.)trafficmanager\.net$/, /(^|\.)asm\.skype\.com$/, /(^|\.)botframework\.com$/, /(^|\.)teams\.microsoft\.com$/];

interface FileDownloadInfo {
  downloadUrl?: unknown;
  fileType?: unknown;
}

export const teamsMedia: ChannelMedia = (activity, context) => splitAttachments(activity, (attachment) => mediaOf(attachment, context));

function mediaOf(attachment: WireAttachment, context: MediaContext): InboundMedia | null {
  if (attachment.contentType === FILE_DOWNLOAD_INFO) {
    const info = (attachment.content ?? {}) as FileDownloadInfo;
    if (typeof info.downloadUrl !== 'string') return null;
    const name = attachment.name ?? (typeof info.fileType === 'string' ? `file.${info.fileType}` : null);
    return { kind: 'url', url: info.downloadUrl, name, contentType: null };
  }
  const media = urlOrDataUri(attachment);
  return media?.kind === 'url' ? { ...media, headersFor: (url) => botTokenFor(url, context) } : media;
}

async function botTokenFor(url: URL, context: MediaContext): Promise<Record<string, string>> {
  if (!isAttachmentHost(url, context)) return {};
  const credentials = await botCredentials();
  return credentials ? { Authorization: `Bearer ${await clientCredentialsToken(credentials)}` } : {};
}

function isAttachmentHost(url: URL, context: MediaContext): boolean {
  let serviceHost: string | null = null;
  try {
    serviceHost = context.serviceUrl ? new URL(context.serviceUrl).hostname : null;
  } catch {
    serviceHost = null;
  }
  return url.hostname === serviceHost || ATTACHMENT_HOSTS.some((host) => host.test(url.hostname));
}
