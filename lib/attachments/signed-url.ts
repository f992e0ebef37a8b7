// Attachment URLs a channel (or a customer's client) can fetch without a session: signed, expiring.
import { jwtVerify, SignJWT } from 'jose';
import { hmacKey } from '../auth/derived-key';
import { env, publicUrl, sessionSecret } from '../config/env';
import { forbidden } from '../errors/app-error';

const AUDIENCE = 'attachment';
const key = () => hmacKey(sessionSecret(), 'attachment-url');

export async function signedAttachmentUrl(attachmentId: string, ttlSeconds = env().ATTACHMENT_URL_TTL_SECONDS): Promise<string> {
  const token = await new SignJWT({})
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(attachmentId)
    .setAudience(AUDIENCE)
    .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds)
    .sign(await key());
  return `${publicUrl()}/api/files/${encodeURIComponent(attachmentId)}?token=${token}`;
}

/** Throws 403 unless `token` was signed for this attachment and has not expired. */
export async function verifyAttachmentToken(attachmentId: string, token: string | null): Promise<void> {
  try {
    const { payload } = await jwtVerify(token ?? '', await key(), { audience: AUDIENCE, algorithms: ['HS256'] });
    if (payload.sub !== attachmentId) throw new Error('other attachment');
  } catch {
    throw forbidden('The link is invalid or has expired.', 'LinkExpired');
  }
}
