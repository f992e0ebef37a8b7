import type { AttachmentView } from '@/lib/views/types';
import { ApiError } from './fetch-json';

/** Uploads one file (raw body) with progress; resolves with the stored attachment. `fallback` words the
 * errors the browser detects itself (in the rep's language); the server's own errors keep its message. */
export function uploadAttachment(
  conversationId: string,
  file: File,
  onProgress: (fraction: number) => void,
  fallback: { failed: string; network: string },
): Promise<AttachmentView> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', `/api/console/conversations/${encodeURIComponent(conversationId)}/attachments`);
    request.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
    request.setRequestHeader('X-File-Name', encodeURIComponent(file.name));
    request.upload.onprogress = (event) => event.lengthComputable && onProgress(event.loaded / event.total);
    request.onload = () => {
      const body = JSON.parse(request.responseText || 'null') as (AttachmentView & { error?: { code: string; message: string } }) | null;
      if (request.status >= 200 && request.status < 300 && body) resolve(body);
      else reject(new ApiError(request.status, body?.error?.code ?? 'UploadFailed', body?.error?.message ?? fallback.failed));
    };
    request.onerror = () => reject(new ApiError(0, 'NetworkError', fallback.network));
    request.send(file);
  });
}
