import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { WIDGET_DIST_FILE, widgetBundleOf, type WidgetBundle } from './widget-bundle';

/** The widget's entry point: TypeScript with no runtime dependencies, bundled into one script. */
export const WIDGET_ENTRY = path.join(__dirname, 'src', 'index.ts');

/**
 * Bundles the widget in memory: minified, an IIFE (no globals leak into the shop's page), and
 * ES2019 so that browsers a few years old run it too. Takes tens of milliseconds.
 */
export async function buildWidget(): Promise<WidgetBundle> {
  // Loaded here, not at the top: the compiled server imports this file but never builds.
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [WIDGET_ENTRY],
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2019',
    legalComments: 'none',
    write: false,
    logLevel: 'silent',
  });
  return widgetBundleOf(Buffer.from(result.outputFiles[0]!.contents));
}

/** Writes the bundle where the compiled server reads it (WIDGET_DIST_FILE under `root`): `npm run build`. */
export async function writeWidget(root: string): Promise<string> {
  const file = path.join(root, WIDGET_DIST_FILE);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, (await buildWidget()).code);
  return file;
}
