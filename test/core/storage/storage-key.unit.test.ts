import { assertValidKey, assertValidPrefix } from '../../../core/storage';

describe('storage keys', () => {
  it.each(['a', 'assets/42/original.mp4', 'a/.hidden', 'a/..b/c..', 'ünï code/ä b.txt', 'é'.repeat(512)])('accepts %s', (key) =>
    expect(() => assertValidKey(key)).not.toThrow(),
  );

  it.each([
    ['', 'empty'],
    ['/etc/passwd', 'absolute'],
    ['../x', "'..'"],
    ['a/../../b', "'..'"],
    ['a/./b', "'.'"],
    ['a//b', 'empty'],
    ['a/', 'empty'],
    ['a\0b', 'control'],
    ['a\tb', 'control'],
    ['a\\b', 'backslash'],
    ['é'.repeat(513), '1024 bytes'],
  ])('rejects %j (%s)', (key, reason) => {
    expect(() => assertValidKey(key)).toThrow(expect.objectContaining({ kind: 'invalid', code: 'invalid_storage_key' }));
    expect(() => assertValidKey(key)).toThrow(reason);
  });

  it('accepts an empty prefix and a trailing slash in prefixes only', () => {
    expect(() => assertValidPrefix('')).not.toThrow();
    expect(() => assertValidPrefix('assets/')).not.toThrow();
    expect(() => assertValidPrefix('assets/4')).not.toThrow();
    expect(() => assertValidPrefix('assets//')).toThrow('empty');
    expect(() => assertValidPrefix('../')).toThrow("'..'");
  });
});
