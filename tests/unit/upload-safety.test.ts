import { describe, expect, it } from 'vitest';
import { contentTypeOf, isInlineImage } from '@/lib/attachments/content-type';
import { cleanFileName, fileNameFromHeader } from '@/lib/attachments/store-attachment';
import { gifWithFrames, pngOfSize } from '../support/images';

const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(0x3a), Buffer.from([0x80, 0, 0, 0]), Buffer.alloc(0x40), Buffer.from('PE\0\0'), Buffer.alloc(200)]);
const PDF = Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n');

describe('the stored type comes from the bytes', () => {
  it('a PNG stays a PNG whatever it claims to be', async () => {
    expect(await contentTypeOf(pngOfSize(2, 2), 'application/x-msdownload')).toBe('image/png');
    expect(await contentTypeOf(pngOfSize(2, 2), 'application/octet-stream')).toBe('image/png');
    expect(await contentTypeOf(gifWithFrames(1), 'image/png')).toBe('image/gif');
    expect(await contentTypeOf(PDF, 'image/png')).toBe('application/pdf');
  });

  it('an executable, SVG or HTML claiming to be something harmless is stored as octet-stream', async () => {
    expect(await contentTypeOf(EXE, 'image/png')).toBe('application/octet-stream');
    expect(await contentTypeOf(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'image/svg+xml')).toBe('application/octet-stream');
    expect(await contentTypeOf(Buffer.from('<html><script>alert(1)</script>'), 'text/html')).toBe('application/octet-stream');
    expect(await contentTypeOf(Buffer.from('not really a picture'), 'image/jpeg')).toBe('application/octet-stream');
  });

  it('text formats without a signature keep their claim', async () => {
    expect(await contentTypeOf(Buffer.from('a,b\n1,2\n'), 'text/csv; charset=utf-8')).toBe('text/csv');
    expect(await contentTypeOf(Buffer.from('hello'), 'text/plain')).toBe('text/plain');
    expect(await contentTypeOf(Buffer.from('{"a":1}'), 'application/json')).toBe('application/json');
  });

  it('only raster images show inline', () => {
    for (const type of ['image/png', 'image/jpeg', 'image/gif', 'image/webp']) expect(isInlineImage(type)).toBe(true);
    for (const type of ['image/svg+xml', 'text/html', 'application/pdf', 'image/bmp', 'application/octet-stream']) expect(isInlineImage(type)).toBe(false);
  });
});

describe('file names', () => {
  it('keeps the last path segment, drops control and direction characters, leading dots and reserved characters', () => {
    expect(cleanFileName('C:\\Users\\x\\report.pdf')).toBe('report.pdf');
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('invoice\u202egnp.exe')).toBe('invoicegnp.exe');
    expect(cleanFileName('a\u0000b\u0007c\u0085d\u200be.txt')).toBe('abcde.txt');
    expect(cleanFileName('..htaccess')).toBe('htaccess');
    expect(cleanFileName('say "hi" <now>?.txt')).toBe('say _hi_ _now__.txt');
    expect(cleanFileName('\u202e')).toBeNull();
    expect(cleanFileName('')).toBeNull();
  });

  it('is at most 200 characters and never splits a surrogate pair', () => {
    expect(cleanFileName('a'.repeat(500))).toHaveLength(200);
    const emoji = cleanFileName('😀'.repeat(300))!;
    expect(Array.from(emoji)).toHaveLength(200);
    expect(emoji.endsWith('😀')).toBe(true);
  });

  it('takes a percent-encoded header, malformed or not', () => {
    expect(fileNameFromHeader('r%C3%A9sum%C3%A9.pdf')).toBe('résumé.pdf');
    expect(fileNameFromHeader('100%.pdf')).toBe('100%.pdf');
    expect(fileNameFromHeader(null)).toBeNull();
  });
});
