import { createHash } from 'node:crypto';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/** The widget's entry point: TypeScript with no runtime dependencies, bundled into one script. */
export const WIDGET_ENTRY = path.join(__dirname, 'src', 'index.ts');

export interface WidgetBundle {
  code: Buffer;
  /** The same code gzipped once, for clients that accept it (almost all): the size that counts. */
  gzipped: Buffer;
  /** Weak: the plain and the gzipped bytes are one script. */
  etag: string;
}

/**
 * Bundles the widget in memory: minified, an IIFE (no globals leak into the shop's page), and
 * ES2019 so that browsers a few years old run it too. Takes tens of milliseconds.
 */
export async function buildWidget(): Promise<WidgetBundle> {
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
  const code = Buffer.from(result.outputFiles[0]!.contents);
  return { code, gzipped: gzipSync(code, { level: 9 }), etag: `W/"${createHash('sha256').update(code).digest('base64url').slice(0, 27)}"` };
}
