// Media a WhatsApp customer sends arrive as an id in the event; ACS serves the bytes. Fetched like
// every channel's files (lib/attachments/inbound-media.ts): bounded, and a file ACS will never serve
// becomes a note the rep reads rather than a lost message.
import { FetchRefused } from '../../attachments/fetch-remote';
import type { InboundMedia } from '../../attachments/inbound-media';
import { acsSettings, downloadMedia } from './acs-client';

export function whatsAppMedia(media: { id: string; mimeType?: string | null; fileName?: string | null }): InboundMedia {
  return {
    kind: 'download',
    name: media.fileName ?? `whatsapp-${media.id}`,
    contentType: media.mimeType || null,
    async download(options) {
      const settings = await acsSettings();
      if (!settings) throw new FetchRefused('WhatsApp (ACS) is not configured, so its media cannot be fetched');
      return downloadMedia(settings, media.id, options);
    },
  };
}
