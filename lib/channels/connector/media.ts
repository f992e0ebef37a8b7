// Files in activities posted to the Connector API (bots, relays, seed 000's custom channel): by
// URL, as a data URI, or — after `POST /v3/conversations/{id}/attachments` — by the console's own
// `/v3/attachments/{id}/views/original` link, which names the stored upload (linked, not fetched).
import type { InboundMedia } from '../../attachments/inbound-media';
import { publicUrl } from '../../config/env';
import { splitAttachments, urlOrDataUri, type ChannelMedia, type WireAttachment } from '../media-shape';

const OWN_VIEW = /^\/v3\/attachments\/([^/?#]+)\/views\/original$/;

export const connectorMedia: ChannelMedia = (activity) => splitAttachments(activity, mediaOf);

function mediaOf(attachment: WireAttachment): InboundMedia | null {
  const upload = attachment.contentUrl ? ownUpload(attachment.contentUrl) : null;
  if (upload) return { kind: 'stored', attachmentId: upload, name: attachment.name ?? null };
  return urlOrDataUri(attachment);
}

/** The upload id a link to the console's own attachment view names, or null. */
function ownUpload(contentUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(contentUrl);
  } catch {
    return null;
  }
  const own = new URL(publicUrl());
  if (url.origin !== own.origin) return null;
  const id = OWN_VIEW.exec(url.pathname)?.[1];
  return id ? decodeURIComponent(id) : null;
}
