import { consoleApi, pathOf, type AttachmentView } from '@/lib/protocol/console';
import { ApiError, consoleMessage } from './fetch-json';

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
    request.open(consoleApi.uploadAttachment.method, pathOf(consoleApi.uploadAttachment, { id: conversationId }));
    request.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
    request.setRequestHeader('X-File-Name', encodeURIComponent(file.name));
    request.upload.onprogress = (event) => event.lengthComputable && onProgress(event.loaded / event.total);
    request.onload = () => {
      const ok = request.status >= 200 && request.status < 300;
      if (ok && request.responseText) {
        try {
          return resolve(consoleMessage(consoleApi.uploadAttachment.response, request.responseText, 'the upload answer'));
        } catch (drift) {
          return reject(drift);
        }
      }
      const body = JSON.parse(request.responseText || 'null') as { error?: { code: string; message: string } } | null;
      reject(new ApiError(request.status, body?.error?.code ?? 'UploadFailed', body?.error?.message ?? fallback.failed));
    };
    request.onerror = () => reject(new ApiError(0, 'NetworkError', fallback.network));
    request.send(file);
  });
}
