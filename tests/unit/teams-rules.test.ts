import { describe, expect, it } from 'vitest';
import { checkTeamsMessage, isAnimatedGif } from '@/lib/channels/teams/rules';
import { AppError } from '@/lib/errors/app-error';
import { gifWithFrames, pngOfSize } from '../support/images';

const png = (width: number, height: number) => ({ name: 'pic.png', contentType: 'image/png', bytes: pngOfSize(width, height) });
const action = (title: string, type: 'imBack' | 'postBack' = 'imBack') => ({ type, title, value: title });

function reason(input: Parameters<typeof checkTeamsMessage>[0]): string | null {
  try {
    checkTeamsMessage(input);
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).message;
  }
}

const base = { conversationType: 'personal', files: [], suggestedActions: [] };

describe('what Teams accepts', () => {
  it('images up to 1024×1024 and 1 MB, PNG/JPEG/GIF, not animated', () => {
    expect(reason({ ...base, files: [png(1024, 1024)] })).toBeNull();
    expect(reason({ ...base, files: [png(1025, 10)] })).toMatch(/1025×10; Teams shows images up to 1024×1024/);
    expect(reason({ ...base, files: [{ ...png(10, 10), bytes: Buffer.concat([pngOfSize(10, 10), Buffer.alloc(1024 * 1024)]) }] })).toMatch(/larger than 1 MB/);
    expect(reason({ ...base, files: [{ name: 'a.webp', contentType: 'image/webp', bytes: Buffer.from('RIFF') }] })).toMatch(/only PNG, JPEG or GIF/);
    expect(reason({ ...base, files: [{ name: 'doc.pdf', contentType: 'application/pdf', bytes: Buffer.from('%PDF') }] })).toMatch(/only PNG, JPEG or GIF/);
    expect(reason({ ...base, files: [{ name: 'x.gif', contentType: 'image/gif', bytes: gifWithFrames(3) }] })).toMatch(/animated GIF/);
    expect(reason({ ...base, files: [{ name: 'x.gif', contentType: 'image/gif', bytes: gifWithFrames(1) }] })).toBeNull();
  });

  it('suggested replies: imBack only, at most 6, one-to-one only, never with files or pictures', () => {
    expect(reason({ ...base, suggestedActions: [action('a'), action('b')] })).toBeNull();
    expect(reason({ ...base, suggestedActions: 'abcdefg'.split('').map((t) => action(t)) })).toMatch(/at most 6/);
    expect(reason({ ...base, suggestedActions: [action('a', 'postBack')] })).toMatch(/only imBack/);
    expect(reason({ ...base, conversationType: 'groupChat', suggestedActions: [action('a')] })).toMatch(/one-to-one/);
    expect(reason({ ...base, files: [png(10, 10)], suggestedActions: [action('a')] })).toMatch(/together with files or pictures/);
  });

  it('tells animated GIFs from still ones', () => {
    expect(isAnimatedGif(gifWithFrames(2))).toBe(true);
    expect(isAnimatedGif(gifWithFrames(1))).toBe(false);
  });
});
