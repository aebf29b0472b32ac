import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../core/config';

/** .env.example and the README's table must keep up with every variable config.ts reads. */
const root = path.resolve(__dirname, '../..');
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');

function configVariables(): string[] {
  const source = read('core/config/config.ts');
  const schema = source.slice(source.indexOf('const envSchema = z.object({'), source.indexOf('\n});', source.indexOf('const envSchema')));
  return [...schema.matchAll(/^\s+([A-Z][A-Z0-9_]*):/gm)].map((m) => m[1]!);
}

function envExample(): Record<string, string> {
  const lines = read('.env.example')
    .split('\n')
    .filter((l) => /^[A-Z][A-Z0-9_]*=/.test(l));
  return Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
}

test('config.ts is parsed into a non-trivial list of variables', () => {
  expect(configVariables()).toEqual(expect.arrayContaining(['PORT', 'DATA_DIR', 'REDIS_URL', 'DATABASE_URL']));
});

test.each(configVariables())('%s is in .env.example and the README table', (name) => {
  expect(Object.keys(envExample())).toContain(name);
  expect(read('README.md')).toContain(`| \`${name}\` |`);
});

test('the values in .env.example are a valid configuration', () => {
  expect(() => loadConfig(envExample())).not.toThrow();
});
