import { createHash } from 'node:crypto';
import type { StorageDriver, StoredObject } from '../../core/storage';

/**
 * Copies every stored object from one driver to another and proves each copy: an object counts
 * as copied when the target holds it with the same size and the same bytes. S3 gives a single
 * upload's MD5 as its ETag, which settles it without reading the object back; a multipart
 * upload's ETag is not a plain MD5, and then the copy is read back and its SHA-256 compared.
 * Objects already copied and verified are skipped, so an interrupted copy continues.
 */
export interface ObjectCopyTally {
  objects: number;
  bytes: number;
  copied: number;
  alreadyThere: number;
}

export type ObjectProgress = (done: number, bytesDone: number, current: string) => void;

export async function copyObjects(source: StorageDriver, target: StorageDriver, onProgress: ObjectProgress): Promise<ObjectCopyTally> {
  const tally: ObjectCopyTally = { objects: 0, bytes: 0, copied: 0, alreadyThere: 0 };
  for await (const object of source.list('')) {
    const digest = await digestOf(source, object.key);
    if (await holdsSame(target, object, digest)) tally.alreadyThere += 1;
    else {
      const stat = await source.stat(object.key);
      await target.put(object.key, await source.get(object.key), { contentType: stat?.contentType, size: object.size });
      if (!(await holdsSame(target, object, digest))) throw new Error(`Object ${object.key} does not read back as written: its copy failed verification`);
      tally.copied += 1;
    }
    tally.objects += 1;
    tally.bytes += object.size;
    onProgress(tally.objects, tally.bytes, object.key);
  }
  return tally;
}

interface Digest {
  md5: string;
  sha256: string;
}

async function digestOf(storage: StorageDriver, key: string): Promise<Digest> {
  const md5 = createHash('md5');
  const sha256 = createHash('sha256');
  for await (const chunk of await storage.get(key)) {
    md5.update(chunk as Buffer);
    sha256.update(chunk as Buffer);
  }
  return { md5: md5.digest('hex'), sha256: sha256.digest('hex') };
}

async function holdsSame(target: StorageDriver, object: StoredObject, digest: Digest): Promise<boolean> {
  const there = await target.stat(object.key);
  if (!there || there.size !== object.size) return false;
  if (there.etag && /^[0-9a-f]{32}$/i.test(there.etag)) return there.etag.toLowerCase() === digest.md5;
  return (await digestOf(target, object.key)).sha256 === digest.sha256;
}
