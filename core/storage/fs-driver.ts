import { randomUUID } from 'node:crypto';
import { constants, createWriteStream, type Stats } from 'node:fs';
import { access, mkdir, open, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { urlExpiry } from './download-url';
import { signFileUrl } from './signed-url';
import { objectNotFound, rangeNotSatisfiable } from './storage-errors';
import { DEFAULT_CONTENT_TYPE, type ByteRange, type DownloadUrl, type StorageDriver, type StoredObject } from './storage-driver';
import { assertValidKey, assertValidPrefix, invalidKey } from './storage-key';

export interface FsDriverOptions {
  root: string;
  signingSecret: string;
  publicBaseUrl?: string;
}

/** Uploads touch their temp file all the time; one untouched for an hour was left by a dead process. */
const ABANDONED_UPLOAD_MS = 60 * 60 * 1000;

/**
 * Objects as files under one root directory, for the embedded setup:
 *   objects/<key>  the bytes
 *   meta/<key>     a JSON sidecar `{ contentType }`. The type comes from the writer and cannot
 *                  be derived from keys such as `assets/42/original`; a tree of its own means no
 *                  key can collide with a sidecar and listings never see one.
 *   tmp/           uploads in progress, on the same filesystem so rename() is atomic
 */
export class FsDriver implements StorageDriver {
  readonly name = 'fs';
  private readonly objects: string;
  private readonly meta: string;
  private readonly tmp: string;

  constructor(private readonly opts: FsDriverOptions) {
    const root = path.resolve(opts.root);
    this.objects = path.join(root, 'objects');
    this.meta = path.join(root, 'meta');
    this.tmp = path.join(root, 'tmp');
  }

  /** Creates the directories and removes temp files that killed processes left behind. */
  async init(): Promise<void> {
    await Promise.all([this.objects, this.meta, this.tmp].map((dir) => mkdir(dir, { recursive: true })));
    for (const name of await readdir(this.tmp)) {
      const file = path.join(this.tmp, name);
      const info = await stat(file).catch(ifMissing(null));
      if (info && Date.now() - info.mtimeMs > ABANDONED_UPLOAD_MS) await rm(file, { force: true });
    }
  }

  /**
   * Writes to temp files, then renames them into place: readers see the old object or the
   * new one, never a part, and a killed process leaves only a temp file. The sidecar moves
   * first so that a new key never appears without its content type.
   */
  async put(key: string, body: NodeJS.ReadableStream | Buffer, opts: { contentType?: string } = {}): Promise<StoredObject> {
    assertValidKey(key);
    const [file, metaFile] = [this.pathIn(this.objects, key), this.pathIn(this.meta, key)];
    const tmpFile = path.join(this.tmp, randomUUID());
    const contentType = opts.contentType ?? DEFAULT_CONTENT_TYPE;
    try {
      // flush: fsync before close, so the bytes are on disk before a rename makes them visible.
      await pipeline(Buffer.isBuffer(body) ? Readable.from([body]) : body, createWriteStream(tmpFile, { flush: true }));
      await writeFile(`${tmpFile}.meta`, JSON.stringify({ contentType }));
      const info = await stat(tmpFile);
      await Promise.all([mkdir(path.dirname(file), { recursive: true }), mkdir(path.dirname(metaFile), { recursive: true })]);
      await rename(`${tmpFile}.meta`, metaFile);
      await rename(tmpFile, file);
      return describe(key, info, contentType);
    } finally {
      // After the renames there is nothing left to remove; after a failure, the partial upload.
      await Promise.all([rm(tmpFile, { force: true }), rm(`${tmpFile}.meta`, { force: true })]);
    }
  }

  /** Streams from the file it opened, so a concurrent put or delete cannot mix two versions. */
  async get(key: string, range?: ByteRange): Promise<NodeJS.ReadableStream> {
    assertValidKey(key);
    const handle = await open(this.pathIn(this.objects, key), 'r').catch(ifMissing(null));
    if (!handle) throw objectNotFound(key);
    try {
      const info = await handle.stat();
      if (!info.isFile()) throw objectNotFound(key);
      if (range && range.start >= info.size) throw rangeNotSatisfiable(key);
      return handle.createReadStream({ start: range?.start, end: range?.end });
    } catch (err) {
      await handle.close();
      throw err;
    }
  }

  async stat(key: string): Promise<StoredObject | null> {
    assertValidKey(key);
    const info = await stat(this.pathIn(this.objects, key)).catch(ifMissing(null));
    if (!info?.isFile()) return null;
    const meta = await readFile(this.pathIn(this.meta, key), 'utf8').catch(ifMissing('{}'));
    return describe(key, info, (JSON.parse(meta) as { contentType?: string }).contentType);
  }

  /** The bytes first: once they are gone the object is gone, whatever happens to the sidecar. */
  async delete(key: string): Promise<void> {
    assertValidKey(key);
    await rm(this.pathIn(this.objects, key), { force: true });
    await rm(this.pathIn(this.meta, key), { force: true });
  }

  /**
   * S3 prefixes match on any character ('assets/1' matches 'assets/12/a'), so this walks the
   * directory the prefix names up to its last '/' and filters on the whole prefix.
   */
  async *list(prefix: string): AsyncIterable<StoredObject> {
    assertValidPrefix(prefix);
    yield* this.walk(prefix.slice(0, prefix.lastIndexOf('/') + 1), prefix);
  }

  async url(key: string, opts: { expiresInS?: number; downloadName?: string } = {}): Promise<DownloadUrl> {
    assertValidKey(key);
    const { expiresAt } = urlExpiry(opts.expiresInS);
    const grant = { key, expires: expiresAt.getTime() / 1000, downloadName: opts.downloadName };
    return { url: signFileUrl(this.opts.signingSecret, grant, this.opts.publicBaseUrl), expiresAt };
  }

  async ping(): Promise<void> {
    await access(this.objects, constants.R_OK | constants.W_OK);
  }

  /** Walks `dir` (a key prefix that is empty or ends with '/') in key order. */
  private async *walk(dir: string, prefix: string): AsyncGenerator<StoredObject> {
    const entries = await readdir(path.join(this.objects, dir), { withFileTypes: true }).catch(ifMissing([]));
    // A directory sorts as its name plus '/', as its keys do in S3 ('a-b' comes before 'a/b').
    const named = entries.map((entry) => ({ entry, key: dir + entry.name + (entry.isDirectory() ? '/' : '') }));
    for (const { entry, key } of named.sort((a, b) => (a.key < b.key ? -1 : 1))) {
      if (!key.startsWith(prefix) && !prefix.startsWith(key)) continue;
      if (entry.isDirectory()) yield* this.walk(key, prefix);
      else if (entry.isFile() && key.startsWith(prefix)) {
        const info = await stat(this.pathIn(this.objects, key)).catch(ifMissing(null));
        if (info) yield describe(key, info);
      }
    }
  }

  /** The file for `key` under `dir`. Keys are already valid; this is defence in depth. */
  private pathIn(dir: string, key: string): string {
    const file = path.resolve(dir, key);
    if (!file.startsWith(dir + path.sep)) throw invalidKey('it leaves the storage root');
    return file;
  }
}

function describe(key: string, info: Stats, contentType?: string): StoredObject {
  // Size and modification time change whenever a put replaces the file, as Express's static files do.
  const etag = `${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}`;
  return { key, size: info.size, contentType, modifiedAt: info.mtime, etag };
}

/** A catch handler that turns "no such file" into `fallback` and rethrows anything else. */
function ifMissing<T>(fallback: T): (err: NodeJS.ErrnoException) => T {
  return (err) => {
    // ENOTDIR: a parent of the key is a file (key 'a/b' when 'a' is an object).
    if (err.code === 'ENOENT' || err.code === 'ENOTDIR') return fallback;
    throw err;
  };
}
