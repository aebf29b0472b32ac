import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sniffMedia } from '../../../core/media/sniff-media';
import { makeImage, makeVideo } from '../../helpers/media-fixtures';

const ftyp = (major: string, ...compatible: string[]): Buffer => {
  const brands = Buffer.from(major + '\0\0\0\0' + compatible.join(''), 'latin1');
  const size = Buffer.alloc(4);
  size.writeUInt32BE(8 + brands.length);
  return Buffer.concat([size, Buffer.from('ftyp'), brands, Buffer.alloc(16)]);
};
const ebml = (docType: string): Buffer =>
  Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x82, 0x84]), Buffer.from(docType), Buffer.alloc(20)]);

describe('sniffMedia from real files', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'sniff-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it.each([
    ['jpeg', 'image/jpeg'],
    ['png', 'image/png'],
    ['webp', 'image/webp'],
    ['gif', 'image/gif'],
  ] as const)('%s made by sharp → %s', async (format, mime) => {
    const file = await makeImage(dir, `x.${format}`, { width: 32, height: 16, format });
    expect(sniffMedia(await readFile(file))).toEqual({ kind: 'image', mime });
  });

  it('an MP4 made by ffmpeg → video/mp4', async () => {
    const file = await makeVideo(dir, 'x.mp4', { width: 64, height: 48, durationS: 0.2 });
    expect(sniffMedia((await readFile(file)).subarray(0, 64))).toEqual({ kind: 'video', mime: 'video/mp4' });
  });
});

describe('sniffMedia from signatures', () => {
  it.each([
    [ftyp('qt  ', 'qt  '), { kind: 'video', mime: 'video/quicktime' }],
    [ftyp('M4V ', 'M4V ', 'mp42'), { kind: 'video', mime: 'video/x-m4v' }],
    [ftyp('avif', 'mif1', 'avif'), { kind: 'image', mime: 'image/avif' }],
    [ftyp('mif1', 'mif1', 'avif'), { kind: 'image', mime: 'image/avif' }],
    [ftyp('heic', 'mif1', 'heic'), { kind: 'image', mime: 'image/heic' }],
    [ftyp('xxxx', 'isom'), { kind: 'video', mime: 'video/mp4' }],
    [ebml('webm'), { kind: 'video', mime: 'video/webm' }],
    [ebml('matroska'), { kind: 'video', mime: 'video/x-matroska' }],
  ])('%#', (head, expected) => {
    expect(sniffMedia(head)).toEqual(expected);
  });

  it.each([
    ['text', Buffer.from('hello, this is not a video at all\n')],
    ['zip', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00])],
    ['pdf', Buffer.from('%PDF-1.7\n')],
    ['html', Buffer.from('<!doctype html><script>alert(1)</script>')],
    ['m4a (audio only)', ftyp('M4A ', 'M4A ', 'mp42')],
    ['EBML of another kind', ebml('other')],
    ['empty', Buffer.alloc(0)],
    ['a lone JPEG marker', Buffer.from([0xff, 0xd8])],
  ])('%s → null', (_name, head) => {
    expect(sniffMedia(head)).toBeNull();
  });
});
