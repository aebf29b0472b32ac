import { randomUUID } from 'node:crypto';
import type { Rendition } from '../../web/dashboard/src/api/api-types';
import { cutGroups, displayFile, libraryGroups, posterOf } from '../../web/dashboard/src/asset/rendition-groups';

/** The asset screen's grouping of renditions (no DOM): library groups by kind, sizes with their formats, cuts by aspect then length. */
const rendition = (kind: Rendition['kind'], over: Partial<Rendition> = {}): Rendition => ({
  id: randomUUID(),
  kind,
  spec: {},
  format: 'webp',
  width: 320,
  height: 240,
  url: `/files/${randomUUID()}`,
  ...over,
});

const cut = (aspect: string, durationS: number, spec: Record<string, unknown> = {}) =>
  rendition('cut', { format: 'mp4', spec: { aspect, durationS, ...spec }, durationS });

describe('library groups', () => {
  it('puts image sizes, crops, posters and previews in that order, leaves out cuts, and counts every file', () => {
    const renditions = [
      rendition('poster', { width: 1080, height: 1920 }),
      cut('9:16', 6),
      rendition('cut_poster'),
      rendition('image', { width: 640, format: 'jpeg' }),
      rendition('image', { width: 320, format: 'avif' }),
      rendition('image', { width: 640, format: 'webp' }),
      rendition('image', { width: 320, format: 'webp' }),
      rendition('crop', { spec: { aspect: '1:1' }, width: 1080, height: 1080, format: 'jpeg' }),
      rendition('crop', { spec: { aspect: '9:16' }, width: 675, height: 1200, format: 'webp' }),
      rendition('crop', { spec: { aspect: '1:1' }, width: 1080, height: 1080, format: 'webp' }),
    ];
    const groups = libraryGroups(renditions);
    expect(groups.map((g) => [g.kind, g.count, g.sizes.length])).toEqual([
      ['image', 4, 2],
      ['crop', 3, 2],
      ['poster', 1, 1],
    ]);
    // Narrow to wide, each size's formats WebP, AVIF, JPEG.
    expect(groups[0]!.sizes.map((s) => [s.width, s.files.map((f) => f.format)])).toEqual([
      [320, ['webp', 'avif']],
      [640, ['webp', 'jpeg']],
    ]);
    expect(groups[1]!.sizes.map((s) => s.aspect)).toEqual(['9:16', '1:1']);
  });

  it('shows a size in WebP when there is one, else JPEG, else what there is', () => {
    const [images] = libraryGroups([rendition('image', { format: 'jpeg' }), rendition('image', { format: 'avif' })]);
    expect(displayFile(images!.sizes[0]!).format).toBe('jpeg');
    const [webp] = libraryGroups([rendition('image', { format: 'avif' }), rendition('image', { format: 'webp' })]);
    expect(displayFile(webp!.sizes[0]!).format).toBe('webp');
  });

  it('is empty without renditions', () => {
    expect(libraryGroups([])).toEqual([]);
  });
});

describe('cut groups', () => {
  it('orders cuts by aspect as the cut builder lists them, then shortest first, then by start', () => {
    const cuts = [cut('16:9', 15), cut('9:16', 30), cut('1:1', 6), cut('9:16', 6), cut('4:5', 15), cut('16:9', 6), cut('9:16', 6, { startS: 2 })];
    const groups = cutGroups(cuts);
    expect(groups.map((g) => [g.aspect, g.cuts.map((c) => [c.spec.durationS, c.spec.startS ?? 0])])).toEqual([
      [
        '9:16',
        [
          [6, 0],
          [6, 2],
          [30, 0],
        ],
      ],
      ['1:1', [[6, 0]]],
      ['4:5', [[15, 0]]],
      [
        '16:9',
        [
          [6, 0],
          [15, 0],
        ],
      ],
    ]);
  });

  it('puts an aspect it does not know last', () => {
    expect(cutGroups([cut('2:3', 6), cut('16:9', 30)]).map((g) => g.aspect)).toEqual(['16:9', '2:3']);
  });

  it('finds a cut’s poster by its spec', () => {
    const made = cut('1:1', 6, { fit: 'blur', disclosure: 'Ad' });
    const poster = rendition('cut_poster', { spec: { ...made.spec } });
    expect(posterOf(made, [rendition('cut_poster', { spec: { aspect: '1:1', durationS: 6 } }), poster])).toBe(poster);
  });
});
