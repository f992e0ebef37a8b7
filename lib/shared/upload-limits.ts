// What each channel accepts as a file from the rep, checked in the browser before uploading and on
// the server before sending. Sizes in bytes.
export const MAX_UPLOAD_BYTES = 25 * 1024 * 1024;
export const TEAMS_IMAGE_MAX_BYTES = 1024 * 1024;

const MB = 1024 * 1024;

/** WhatsApp media limits (Meta's Cloud API, as ACS documents them); documents are capped by our store. */
const WHATSAPP_MEDIA: { pattern: RegExp; maxBytes: number }[] = [
  { pattern: /^image\/(jpeg|png)$/, maxBytes: 5 * MB },
  { pattern: /^video\/(mp4|3gpp)$/, maxBytes: 16 * MB },
  { pattern: /^audio\/(aac|amr|mpeg|mp4|ogg)$/, maxBytes: 16 * MB },
  { pattern: /^(application\/|text\/plain$)/, maxBytes: MAX_UPLOAD_BYTES },
];

export type UploadRefusal = { code: 'tooLarge'; maxBytes: number } | { code: 'typeNotAccepted' };

export function checkUpload(channel: string, file: { type: string; size: number }): UploadRefusal | null {
  const type = file.type.toLowerCase();
  let maxBytes = MAX_UPLOAD_BYTES;
  if (channel === 'teams') {
    if (!/^image\/(png|jpeg|gif)$/.test(type)) return { code: 'typeNotAccepted' };
    maxBytes = TEAMS_IMAGE_MAX_BYTES;
  } else if (channel === 'whatsapp') {
    const rule = WHATSAPP_MEDIA.find((media) => media.pattern.test(type));
    if (!rule) return { code: 'typeNotAccepted' };
    maxBytes = rule.maxBytes;
  }
  return file.size > maxBytes ? { code: 'tooLarge', maxBytes } : null;
}
