/**
 * `npm run docs:screenshots`: the README's quick tour pictures, taken from the browser tests'
 * screenshots (test-artifacts/screenshots/, written by `npm test`) rather than by hand, so they
 * show the product as it is tested. Each is cut to its first screenful or two and written as a
 * small WebP under docs/screenshots/.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';

const ROOT = path.resolve(__dirname, '..');
const FROM = path.join(ROOT, 'test-artifacts', 'screenshots');
const TO = path.join(ROOT, 'docs', 'screenshots');

/** README picture ← browser-test screenshot, and how many pixels of its top to keep. */
const PICTURES: Array<{ name: string; source: string; keepHeight: number }> = [
  { name: 'library', source: 'tour-library-en-desktop.png', keepHeight: 900 },
  { name: 'asset', source: 'tour-asset-en-desktop.png', keepHeight: 1300 },
  { name: 'insights', source: 'tour-insights-en-desktop.png', keepHeight: 1500 },
  { name: 'request-page-phone', source: 'request-page-pl-phone.png', keepHeight: 2400 },
  { name: 'widget', source: 'widget-arrows-start.png', keepHeight: 660 },
];

async function main(): Promise<void> {
  const missing = PICTURES.filter((p) => !existsSync(path.join(FROM, p.source)));
  if (missing.length) throw new Error(`Run npm test first: ${missing.map((p) => p.source).join(', ')} missing in ${FROM}`);
  await mkdir(TO, { recursive: true });
  for (const picture of PICTURES) {
    const file = path.join(FROM, picture.source);
    const { width, height } = await sharp(file).metadata();
    const out = path.join(TO, `${picture.name}.webp`);
    await sharp(file)
      .extract({ left: 0, top: 0, width: width!, height: Math.min(height!, picture.keepHeight) })
      .resize({ width: Math.min(width!, 1000), withoutEnlargement: true })
      .webp({ quality: 72 })
      .toFile(out);
    console.log(`${path.relative(ROOT, out)} ← ${picture.source}`);
  }
}

main().catch((err: unknown) => {
  console.error(`[docs:screenshots] ${(err as Error).message}`);
  process.exitCode = 1;
});
