import { adCutKey, adCutPosterKey, adCutSpec } from '../../../core/ads/ad-cut-keys';
import { planCuts } from '../../../core/ads/ad-cut-plan';
import { specHash } from '../../../core/assets/rendition-store';

const cut = planCuts([{ aspect: '9:16', durationS: 6, startS: 2.5, fit: 'blur', disclosure: '#ad' }], null, () => 0)[0]!;

describe('ad cut keys', () => {
  it('name the MP4 and its poster after the hash of the stored spec, which leaves out the frame size', () => {
    expect(adCutSpec(cut)).toEqual({ aspect: '9:16', durationS: 6, startS: 2.5, fit: 'blur', disclosure: '#ad' });
    const hash = specHash({ aspect: '9:16', durationS: 6, startS: 2.5, fit: 'blur', disclosure: '#ad' });
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(adCutKey('a1', cut)).toBe(`assets/a1/cuts/${hash}.mp4`);
    expect(adCutPosterKey('a1', cut)).toBe(`assets/a1/cuts/${hash}.webp`);
  });

  it('are the same on every run of the same request, and differ when any choice differs', () => {
    const [again] = planCuts([{ aspect: '9:16', durationS: 6, startS: 2.5, fit: 'blur', disclosure: '#ad' }], null, () => 0);
    expect(adCutKey('a1', again!)).toBe(adCutKey('a1', cut));
    // A spec read back from the database, with its keys in another order, names the same object.
    expect(adCutKey('a1', { disclosure: '#ad', fit: 'blur', startS: 2.5, durationS: 6, aspect: '9:16' })).toBe(adCutKey('a1', cut));

    const variants = [{ aspect: '4:5' }, { durationS: 5 }, { startS: 2.501 }, { fit: 'crop' }, { disclosure: null }, { disclosure: 'REKLAMA' }];
    const keys = variants.map((change) => adCutKey('a1', { ...cut, ...change }));
    expect(new Set([adCutKey('a1', cut), ...keys]).size).toBe(variants.length + 1);
    expect(adCutKey('a2', cut)).not.toBe(adCutKey('a1', cut));
  });
});
