import { randomUUID } from 'node:crypto';
import { constants, createWriteStream, type Stats } from 'node:fs';
import { access, mkdir, open, readFile, readdir, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { urlExpiry } from './download-url';
import { signFileUrl } from './signed-url';
import { objectNotFound, rangeNotSatisfiable } from './storage-errors';
import { DEFAULT_CONTENT_TYPE, type ByteRange, type DownloadUrl, type StorageDriver, type StoredObject, type UrlOptions } from './storage-driver';
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
      await moveInto(`${tmpFile}.meta`, metaFile);
      await moveInto(tmpFile, file);
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

  /**
   * The bytes first: once they are gone the object is gone, whatever happens to the sidecar.
   * Directories the key leaves empty go too (`assets/<id>/` of a refused upload), so the tree
   * holds only what exists, as an S3 bucket does.
   */
  async delete(key: string): Promise<void> {
    assertValidKey(key);
    const [file, metaFile] = [this.pathIn(this.objects, key), this.pathIn(this.meta, key)];
    await rm(file, { force: true });
    await rm(metaFile, { force: true });
    await Promise.all([pruneEmptyParents(this.objects, file), pruneEmptyParents(this.meta, metaFile)]);
  }

  /**
   * S3 prefixes match on any character ('assets/1' matches 'assets/12/a'), so this walks the
   * directory the prefix names up to its last '/' and filters on the whole prefix.
   */
  async *list(prefix: string): AsyncIterable<StoredObject> {
    assertValidPrefix(prefix);
    yield* this.walk(prefix.slice(0, prefix.lastIndexOf('/') + 1), prefix);
  }

  /** With `license`, the URL also carries it, signed: api/routes/media-files.ts refuses it once the license no longer allows its use. */
  async url(key: string, opts: UrlOptions = {}): Promise<DownloadUrl> {
    assertValidKey(key);
    const { expiresAt } = urlExpiry(opts.expiresInS);
    const grant = { key, expires: expiresAt.getTime() / 1000, downloadName: opts.downloadName, license: opts.license };
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

/**
 * Renames `from` to `to`, making `to`'s directory first. A delete of another key in the same
 * directory may remove it between the mkdir and the rename (see pruneEmptyParents): then again.
 */
async function moveInto(from: string, to: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await mkdir(path.dirname(to), { recursive: true });
    try {
      return await rename(from, to);
    } catch (err) {
      const gone =
        (err as NodeJS.ErrnoException).code === 'ENOENT' &&
        (await stat(from).then(
          () => true,
          () => false,
        ));
      if (!gone || attempt >= 5) throw err;
    }
  }
}

/** Removes the directories above `file` that are now empty, up to (not including) `root`. */
async function pruneEmptyParents(root: string, file: string): Promise<void> {
  for (let dir = path.dirname(file); dir.startsWith(root + path.sep); dir = path.dirname(dir)) {
    try {
      await rmdir(dir);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      // Not empty (another key lives there) ends the walk; already gone lets it go on upwards.
      if (code === 'ENOENT' || code === 'ENOTDIR') continue;
      if (code === 'ENOTEMPTY' || code === 'EEXIST') return;
      throw err;
    }
  }
}

/** A catch handler that turns "no such file" into `fallback` and rethrows anything else. */
function ifMissing<T>(fallback: T): (err: NodeJS.ErrnoException) => T {
  return (err) => {
    // ENOTDIR: a parent of the key is a file (key 'a/b' when 'a' is an object).
    if (err.code === 'ENOENT' || err.code === 'ENOTDIR') return fallback;
    throw err;
  };
}
