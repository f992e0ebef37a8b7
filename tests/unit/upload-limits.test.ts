import { describe, expect, it } from 'vitest';
import { checkUpload } from '@/lib/shared/upload-limits';

const MB = 1024 * 1024;

describe('what a channel takes before anything is uploaded', () => {
  it('Teams: PNG, JPEG or GIF up to 1 MB', () => {
    expect(checkUpload('teams', { type: 'image/png', size: MB })).toBeNull();
    expect(checkUpload('teams', { type: 'image/png', size: MB + 1 })).toEqual({ code: 'tooLarge', maxBytes: MB });
    expect(checkUpload('teams', { type: 'application/pdf', size: 10 })).toEqual({ code: 'typeNotAccepted' });
  });

  it('WhatsApp: images to 5 MB, video and audio to 16 MB, documents; nothing else', () => {
    expect(checkUpload('whatsapp', { type: 'image/jpeg', size: 5 * MB })).toBeNull();
    expect(checkUpload('whatsapp', { type: 'image/jpeg', size: 5 * MB + 1 })).toEqual({ code: 'tooLarge', maxBytes: 5 * MB });
    expect(checkUpload('whatsapp', { type: 'video/mp4', size: 16 * MB })).toBeNull();
    expect(checkUpload('whatsapp', { type: 'application/pdf', size: 20 * MB })).toBeNull();
    expect(checkUpload('whatsapp', { type: 'image/gif', size: 10 })).toEqual({ code: 'typeNotAccepted' });
  });

  it('everywhere else: any type up to 25 MB', () => {
    expect(checkUpload('directline', { type: 'application/zip', size: 25 * MB })).toBeNull();
    expect(checkUpload('directline', { type: '', size: 25 * MB + 1 })).toEqual({ code: 'tooLarge', maxBytes: 25 * MB });
  });
});
