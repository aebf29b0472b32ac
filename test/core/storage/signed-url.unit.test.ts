import { signFileUrl, verifyFileUrl, type FileUrlGrant } from '../../../core/storage';

const SECRET = 'test-signing-secret-0123456789';
const NOW = Date.UTC(2030, 0, 1);
const grant: FileUrlGrant = { key: 'assets/42/a b/ünï.mp4', expires: NOW / 1000 + 60, downloadName: 'Cut "A".mp4' };

/** The query a server receives for `url`, as Express parses it. */
function parse(url: string): { key: string; query: Record<string, string> } {
  const { pathname, searchParams } = new URL(url, 'http://api.test');
  const key = pathname
    .replace(/^\/files\//, '')
    .split('/')
    .map(decodeURIComponent)
    .join('/');
  return { key, query: Object.fromEntries(searchParams) };
}

describe('signed file URLs', () => {
  it('builds <base>/files/<encoded key>?expires&sig&download', () => {
    const url = signFileUrl(SECRET, grant, 'https://cdn.example.com');
    expect(url).toMatch(
      /^https:\/\/cdn\.example\.com\/files\/assets\/42\/a%20b\/%C3%BCn%C3%AF\.mp4\?expires=1893456060&sig=[0-9a-f]{64}&download=Cut\+%22A%22\.mp4$/,
    );
  });

  it('accepts its own URL until it expires', () => {
    const { key, query } = parse(signFileUrl(SECRET, grant));
    expect(key).toBe(grant.key);
    expect(verifyFileUrl(SECRET, key, query, NOW)).toEqual({ ok: true, grant });
    expect(verifyFileUrl(SECRET, key, query, NOW + 59_999)).toMatchObject({ ok: true });
  });

  it('says url_expired from the expiry instant on', () => {
    const { key, query } = parse(signFileUrl(SECRET, grant));
    expect(verifyFileUrl(SECRET, key, query, NOW + 60_000)).toMatchObject({ ok: false, code: 'url_expired' });
  });

  it.each([
    ['another key', (q: Record<string, string>) => q, 'assets/43/a b/ünï.mp4'],
    ['a later expiry', (q: Record<string, string>) => ({ ...q, expires: String(grant.expires + 3600) }), grant.key],
    ['another download name', (q: Record<string, string>) => ({ ...q, download: 'evil.html' }), grant.key],
    ['no download name', ({ download: _, ...q }: Record<string, string>) => q, grant.key],
    ['a changed signature', (q: Record<string, string>) => ({ ...q, sig: q.sig!.replace(/^./, (c) => (c === '0' ? '1' : '0')) }), grant.key],
    ['a short signature', (q: Record<string, string>) => ({ ...q, sig: q.sig!.slice(0, 10) }), grant.key],
    ['no signature', ({ sig: _, ...q }: Record<string, string>) => q, grant.key],
    ['no expiry', ({ expires: _, ...q }: Record<string, string>) => q, grant.key],
  ])('refuses %s as invalid_signature', (_name, tamper, key) => {
    const { query } = parse(signFileUrl(SECRET, grant));
    expect(verifyFileUrl(SECRET, key, tamper(query), NOW)).toMatchObject({ ok: false, code: 'invalid_signature' });
  });

  it('refuses a signature made with another secret, and repeated parameters', () => {
    const { key, query } = parse(signFileUrl('another-secret-0123456789abcdef', grant));
    expect(verifyFileUrl(SECRET, key, query, NOW)).toMatchObject({ ok: false, code: 'invalid_signature' });
    const genuine = parse(signFileUrl(SECRET, grant)).query;
    expect(verifyFileUrl(SECRET, key, { ...genuine, sig: [genuine.sig, genuine.sig] }, NOW)).toMatchObject({
      ok: false,
      code: 'invalid_signature',
    });
  });

  describe('bound to a license', () => {
    const licensed: FileUrlGrant = { ...grant, license: { id: 'b6f0c3a4-0000-4000-8000-000000000001', use: 'cut.a1.paid_social.PL' } };

    it('carries lic and use, covered by the signature, and gives them back', () => {
      const url = signFileUrl(SECRET, licensed);
      expect(url).toMatch(/&lic=b6f0c3a4-0000-4000-8000-000000000001&use=cut\.a1\.paid_social\.PL$/);
      const { key, query } = parse(url);
      expect(verifyFileUrl(SECRET, key, query, NOW)).toEqual({ ok: true, grant: licensed });
      // The same file, time and name without a license sign differently: neither URL passes for the other.
      expect(parse(signFileUrl(SECRET, grant)).query.sig).not.toBe(query.sig);
    });

    it.each([
      ['another license', (q: Record<string, string>) => ({ ...q, lic: 'b6f0c3a4-0000-4000-8000-000000000002' })],
      ['another use', (q: Record<string, string>) => ({ ...q, use: 'cut.a1.paid_social.DE' })],
      ['no license', ({ lic: _, ...q }: Record<string, string>) => q],
      ['neither license nor use', ({ lic: _l, use: _u, ...q }: Record<string, string>) => q],
      ['an empty license', (q: Record<string, string>) => ({ ...q, lic: '' })],
    ])('refuses %s as invalid_signature', (_name, tamper) => {
      const { key, query } = parse(signFileUrl(SECRET, licensed));
      expect(verifyFileUrl(SECRET, key, tamper(query), NOW)).toMatchObject({ ok: false, code: 'invalid_signature' });
    });

    it('refuses a license added to a URL given without one', () => {
      const { key, query } = parse(signFileUrl(SECRET, grant));
      expect(verifyFileUrl(SECRET, key, { ...query, lic: 'x', use: 'y' }, NOW)).toMatchObject({ ok: false, code: 'invalid_signature' });
    });
  });
});
