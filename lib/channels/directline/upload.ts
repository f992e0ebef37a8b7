// POST .../upload?userId=: one raw file (Content-Type + Content-Disposition), or multipart/form-data
// with file parts and an optional `application/vnd.microsoft.activity` part carrying the activity.
import { Readable } from 'node:stream';
import Busboy from 'busboy';
import contentDisposition from 'content-disposition';
import { baseContentType, isAllowedUploadType } from '../../attachments/allowed-types';
import { MAX_ATTACHMENT_BYTES, storeAttachment } from '../../attachments/store-attachment';
import { db as defaultDb, type Db } from '../../db/client';
import { AppError, badRequest, tooLarge } from '../../errors/app-error';
import { readBytes } from '../../http/read-bytes';
import type { WireActivity } from '../../protocol/activity';
import { parseActivity } from '../parse-activity';
import { postActivity } from './activities';
import { requireDirectLineConversation } from './conversations';
import type { DirectLineCaller } from './credentials';

export const MAX_UPLOAD_FILES = 10;
const ACTIVITY_TYPE = 'application/vnd.microsoft.activity';

export interface UploadedFile {
  bytes: Buffer;
  contentType: string;
  name: string | null;
}

export interface Upload {
  activity: WireActivity | null;
  files: UploadedFile[];
}

export async function readUpload(request: Request): Promise<Upload> {
  const type = request.headers.get('content-type') ?? '';
  if (/^multipart\/form-data/i.test(type)) return readMultipart(request, type);
  const bytes = await readBytes(request, MAX_ATTACHMENT_BYTES);
  return { activity: null, files: [{ bytes, contentType: baseContentType(type), name: fileNameOf(request.headers.get('content-disposition')) }] };
}

function fileNameOf(header: string | null): string | null {
  if (!header) return null;
  try {
    const name = contentDisposition.parse(header).parameters.filename;
    return typeof name === 'string' ? name : null;
  } catch {
    throw badRequest('BadArgument', 'Content-Disposition is malformed.');
  }
}

function readMultipart(request: Request, type: string): Promise<Upload> {
  if (!request.body) throw badRequest('BadArgument', 'The upload is empty.');
  return new Promise((resolve, reject) => {
    let parser: Busboy.Busboy;
    try {
      parser = Busboy({
        headers: { 'content-type': type },
        limits: { fileSize: MAX_ATTACHMENT_BYTES, files: MAX_UPLOAD_FILES + 1, fields: 5, parts: MAX_UPLOAD_FILES + 6 },
      });
    } catch {
      reject(badRequest('BadArgument', 'The multipart body has no boundary.'));
      return;
    }
    const upload: Upload = { activity: null, files: [] };
    let failure: AppError | null = null;
    const pending: Promise<void>[] = [];
    parser.on('file', (field, stream, info) => {
      const chunks: Buffer[] = [];
      pending.push(
        new Promise<void>((done) => {
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('limit', () => (failure ??= tooLarge(`Files are limited to ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB.`, 'FileTooLarge')));
          stream.on('close', () => {
            const bytes = Buffer.concat(chunks);
            if (info.mimeType === ACTIVITY_TYPE || field === 'activity') {
              try {
                upload.activity = parseActivity(bytes.toString('utf8'));
              } catch (error) {
                failure ??= error instanceof AppError ? error : badRequest('BadArgument', 'The activity part is not a valid activity.');
              }
            } else {
              upload.files.push({ bytes, contentType: baseContentType(info.mimeType), name: info.filename ?? null });
            }
            done();
          });
        }),
      );
    });
    parser.on('field', (field, value) => {
      if (field === 'activity') {
        try {
          upload.activity = parseActivity(value);
        } catch (error) {
          failure ??= error instanceof AppError ? error : badRequest('BadArgument', 'The activity field is not a valid activity.');
        }
      }
    });
    parser.on('filesLimit', () => (failure ??= badRequest('TooManyFiles', `At most ${MAX_UPLOAD_FILES} files per upload.`)));
    parser.on('partsLimit', () => (failure ??= badRequest('TooManyParts', 'Too many parts in the upload.')));
    parser.on('error', () => reject(badRequest('BadArgument', 'The multipart body is malformed.')));
    parser.on('close', () => {
      Promise.all(pending).then(() => (failure ? reject(failure) : resolve(upload)));
    });
    Readable.fromWeb(request.body as import('node:stream/web').ReadableStream).on('error', () => reject(badRequest('BadArgument', 'The upload was cut off.'))).pipe(parser);
  });
}

/** Stores the files and posts the carrying activity (or a plain message from `userId`). */
export async function uploadAttachments(
  caller: DirectLineCaller,
  conversationId: string,
  userId: string | null,
  upload: Upload,
  db: Db = defaultDb(),
): Promise<{ id: string }> {
  const conversation = await requireDirectLineConversation(db, caller, conversationId);
  if (upload.files.length === 0) throw badRequest('BadArgument', 'The upload holds no file.');
  if (upload.files.length > MAX_UPLOAD_FILES) throw badRequest('TooManyFiles', `At most ${MAX_UPLOAD_FILES} files per upload.`);
  for (const file of upload.files) {
    if (!isAllowedUploadType(file.contentType)) {
      throw new AppError('UnsupportedMediaType', `Files of type ${file.contentType} are not accepted.`);
    }
  }
  const stored: string[] = [];
  try {
    for (const file of upload.files) stored.push((await storeAttachment({ conversationId: conversation.id, ...file }, db)).id);
    const activity: WireActivity = { ...(upload.activity ?? { type: 'message' }) };
    // The client's attachment entries describe the parts; the stored files replace them.
    delete activity.attachments;
    activity.from = { ...activity.from, id: activity.from?.id ?? userId ?? undefined };
    const { id } = await postActivity(caller, conversationId, activity, db, stored);
    return { id };
  } finally {
    // Files no activity took (a refusal half-way, a replayed activity, a typing one) are not kept.
    if (stored.length > 0) await db.attachment.deleteMany({ where: { id: { in: stored }, activityId: null } });
  }
}
