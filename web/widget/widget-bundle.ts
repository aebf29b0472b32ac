import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** Where `npm run build` writes the bundled widget, for the compiled server to serve as is. */
export const WIDGET_DIST_FILE = path.join('web', 'widget', 'dist', 'widget.js');

export interface WidgetBundle {
  code: Buffer;
  /** The same code gzipped once, for clients that accept it (almost all): the size that counts. */
  gzipped: Buffer;
  /** Weak: the plain and the gzipped bytes are one script. */
  etag: string;
}

export function widgetBundleOf(code: Buffer): WidgetBundle {
  return { code, gzipped: gzipSync(code, { level: 9 }), etag: `W/"${createHash('sha256').update(code).digest('base64url').slice(0, 27)}"` };
}

/** The widget built ahead of time (by `npm run build`) under `root`. */
export async function readBuiltWidget(root: string): Promise<WidgetBundle> {
  return widgetBundleOf(await readFile(path.join(root, WIDGET_DIST_FILE)));
}
