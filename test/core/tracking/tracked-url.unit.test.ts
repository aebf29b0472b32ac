import { DEFAULT_UTM_TEMPLATE, parseUtmTemplate } from '../../../core/config/utm-template';
import { loadConfig } from '../../../core/config';
import { landingUrlProblem } from '../../../core/tracking/landing-url';
import { looksLikeLinkCode, newLinkCode } from '../../../core/tracking/link-code';
import { taggedUrl } from '../../../core/tracking/tracked-url';
import { clickVerdict } from '../../../core/tracking/click-verdict';

const CHROME = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const values = { channel: 'paid_social', platform: 'tiktok', medium: 'paid_social', campaign: null, cutId: 'cut-1', creator: 'anna', territory: 'PL' };

describe('taggedUrl', () => {
  it('keeps other parameters exactly as written and replaces the tags it sets, every occurrence', () => {
    const url = taggedUrl('https://shop.example.com/p?a=b%20c&flag&utm_source=x&UTM_TERM=keep&utm%5Fsource=y#f', DEFAULT_UTM_TEMPLATE, values);
    expect(url).toBe('https://shop.example.com/p?a=b%20c&flag&UTM_TERM=keep&utm_source=tiktok&utm_medium=paid_social&utm_content=cut-1&utm_term=anna#f');
  });

  it('keeps the landing URL’s own tag when the template has no value for it', () => {
    const url = taggedUrl('https://shop.example.com/?utm_campaign=spring', { utm_campaign: '{campaign}', utm_content: '{cutId}' }, values);
    expect(url).toBe('https://shop.example.com/?utm_campaign=spring&utm_content=cut-1');
  });

  it('encodes the values', () => {
    const url = taggedUrl('https://shop.example.com/', { utm_campaign: '{campaign}' }, { ...values, campaign: 'Lato & słońce #1' });
    expect(new URL(url).searchParams.get('utm_campaign')).toBe('Lato & słońce #1');
    expect(new URL(url).hash).toBe('');
  });
});

describe('parseUtmTemplate (TRACKING_UTM_TEMPLATE)', () => {
  it('gives the defaults when blank, and merges entries over them (null drops one)', () => {
    expect(parseUtmTemplate('')).toEqual({ template: DEFAULT_UTM_TEMPLATE });
    expect(parseUtmTemplate('{"utm_medium":"paid","utm_term":null}')).toEqual({
      template: { utm_source: '{platform}', utm_medium: 'paid', utm_campaign: '{campaign}', utm_content: '{cutId}' },
    });
  });

  it.each([
    ['not JSON', '{utm_medium: paid}', /JSON object/],
    ['an array', '["utm_medium"]', /JSON object/],
    ['an unknown placeholder', '{"utm_term":"{handle}"}', /\{handle\}.*placeholders are/],
    ['a number', '{"utm_term":5}', /string template or null/],
    ['a bad parameter name', '{"utm term":"x"}', /not a parameter name/],
  ])('refuses %s', (_what, setting, message) => {
    const parsed = parseUtmTemplate(setting);
    expect('problems' in parsed && parsed.problems.join('\n')).toMatch(message);
  });

  it('stops loadConfig with the variable named', () => {
    expect(() => loadConfig({ TRACKING_UTM_TEMPLATE: '{"utm_term":"{who}"}' })).toThrow(/TRACKING_UTM_TEMPLATE: .*\{who\}/);
  });
});

describe('landingUrlProblem', () => {
  it('accepts absolute http(s) URLs', () => {
    expect(landingUrlProblem('https://shop.example.com/p?x=1#a')).toBeNull();
    expect(landingUrlProblem('http://sklep.example.pl')).toBeNull();
    expect(landingUrlProblem(`https://shop.example.com/${'a'.repeat(1970)}`)).toBeNull();
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'data:text/html,x',
    'https://u:p@shop.example.com/',
    'mailto:a@example.com',
    '//shop.example.com',
    ' https://shop.example.com',
  ])('refuses %s', (url) => expect(landingUrlProblem(url)).toEqual(expect.any(String)));
});

describe('link codes', () => {
  it('are 128 random bits in 22 base64url characters, never repeating', () => {
    const codes = new Set(Array.from({ length: 1000 }, newLinkCode));
    expect(codes.size).toBe(1000);
    for (const code of codes) expect(looksLikeLinkCode(code)).toBe(true);
    expect(Buffer.from([...codes][0]!, 'base64url')).toHaveLength(16);
  });
});

describe('clickVerdict', () => {
  it('counts a browser’s GET only', () => {
    expect(clickVerdict('GET', { 'user-agent': CHROME })).toBe('click');
    expect(clickVerdict('HEAD', { 'user-agent': CHROME })).toBe('head');
    expect(clickVerdict('GET', { 'user-agent': CHROME, 'sec-purpose': 'prefetch;anonymous-client-ip' })).toBe('prefetch');
    expect(clickVerdict('GET', { 'user-agent': CHROME, purpose: 'prefetch' })).toBe('prefetch');
    expect(clickVerdict('GET', { 'user-agent': CHROME, 'x-purpose': 'preview' })).toBe('prefetch');
    expect(clickVerdict('GET', { 'user-agent': 'Twitterbot/1.0' })).toBe('bot');
    expect(clickVerdict('GET', {})).toBe('bot');
  });
});
