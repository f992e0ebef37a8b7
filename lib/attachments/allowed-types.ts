// What customers may upload: pictures, documents, audio and video. Nothing executable, no HTML.
const ALLOWED = [
  /^image\/(png|jpeg|gif|webp|bmp|heic|heif)$/,
  /^application\/pdf$/,
  /^text\/(plain|csv)$/,
  /^application\/(msword|vnd\.ms-excel|vnd\.ms-powerpoint)$/,
  /^application\/vnd\.openxmlformats-officedocument\.(wordprocessingml\.document|spreadsheetml\.sheet|presentationml\.presentation)$/,
  /^application\/(zip|json|octet-stream)$/,
  /^audio\/(mpeg|mp4|ogg|wav|webm|aac|amr)$/,
  /^video\/(mp4|webm|quicktime|3gpp)$/,
];

export function isAllowedUploadType(contentType: string): boolean {
  const base = contentType.split(';')[0]!.trim().toLowerCase();
  return ALLOWED.some((pattern) => pattern.test(base));
}

export function baseContentType(contentType: string | null | undefined): string {
  return (contentType ?? 'application/octet-stream').split(';')[0]!.trim().toLowerCase() || 'application/octet-stream';
}
