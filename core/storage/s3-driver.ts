import { Client, S3Error, type BucketItem } from 'minio';
import { PassThrough, Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { attachmentDisposition, urlExpiry } from './download-url';
import { objectNotFound, rangeNotSatisfiable } from './storage-errors';
import { DEFAULT_CONTENT_TYPE, type ByteRange, type DownloadUrl, type StorageDriver, type StoredObject, type UrlOptions } from './storage-driver';
import { assertValidKey, assertValidPrefix } from './storage-key';

export interface S3DriverOptions {
  /** e.g. http://minio:9000 or https://s3.eu-west-1.amazonaws.com */
  endpoint: string;
  region: string;
  bucket: string;
  accessKey: string;
  secretKey: string;
  /** Bytes per multipart part, at least 5 MiB; see DEFAULT_PART_SIZE. */
  partSize?: number;
}

/**
 * minio buffers one part in memory per upload. Left to itself it sizes parts for the object,
 * and for a stream of unknown size it assumes S3's 5 TiB maximum: ~525 MiB parts. A fixed
 * 64 MiB bounds memory and still allows streams up to 640 GiB (10,000 parts).
 */
const DEFAULT_PART_SIZE = 64 * 1024 * 1024;

/** Objects in one bucket of any S3-compatible service (MinIO, AWS S3, R2…). */
export class S3Driver implements StorageDriver {
  readonly name = 's3';
  private readonly client: Client;

  constructor(private readonly opts: S3DriverOptions) {
    const endpoint = new URL(opts.endpoint);
    this.client = new Client({
      endPoint: endpoint.hostname,
      port: endpoint.port ? Number(endpoint.port) : undefined,
      useSSL: endpoint.protocol === 'https:',
      // Known region: the client signs requests without first asking the bucket for it.
      region: opts.region,
      accessKey: opts.accessKey,
      secretKey: opts.secretKey,
      partSize: opts.partSize ?? DEFAULT_PART_SIZE,
    });
  }

  /** Creates the bucket if missing; the API and workers may race to do so at start. */
  async ensureBucket(): Promise<void> {
    if (await this.client.bucketExists(this.opts.bucket)) return;
    await this.client.makeBucket(this.opts.bucket, this.opts.region).catch(unless('BucketAlreadyOwnedByYou'));
  }

  async put(key: string, body: NodeJS.ReadableStream | Buffer, opts: { contentType?: string; size?: number } = {}): Promise<StoredObject> {
    assertValidKey(key);
    const size = Buffer.isBuffer(body) ? body.length : opts.size;
    // minio pipes a stream without listening for its errors: a failing source would hang
    // putObject forever and raise an unhandled 'error'. Piping it here into a PassThrough
    // that minio reads turns that failure into a rejection.
    const source = new PassThrough();
    try {
      await Promise.all([
        this.client.putObject(this.opts.bucket, key, source, size, { 'Content-Type': opts.contentType ?? DEFAULT_CONTENT_TYPE }),
        pipeline(Buffer.isBuffer(body) ? Readable.from([body]) : body, source),
      ]);
    } catch (err) {
      source.destroy(); // and with it `body`, which nothing reads any more
      // A failed multipart upload keeps its parts (stored and billed, never listed) until aborted.
      await this.client.removeIncompleteUpload(this.opts.bucket, key).catch(() => undefined);
      throw err;
    }
    // The server's answer: size and time are unknown here for a stream.
    const stored = await this.stat(key);
    if (!stored) throw objectNotFound(key);
    return stored;
  }

  async get(key: string, range?: ByteRange): Promise<NodeJS.ReadableStream> {
    assertValidKey(key);
    const length = range?.end === undefined ? undefined : range.end - range.start + 1;
    try {
      return await this.client.getPartialObject(this.opts.bucket, key, range?.start ?? 0, length);
    } catch (err) {
      if (hasCode(err, 'NoSuchKey')) throw objectNotFound(key);
      if (hasCode(err, 'InvalidRange')) throw rangeNotSatisfiable(key);
      throw err;
    }
  }

  async stat(key: string): Promise<StoredObject | null> {
    assertValidKey(key);
    try {
      const info = await this.client.statObject(this.opts.bucket, key);
      const contentType = info.metaData['content-type'] as string | undefined;
      return { key, size: info.size, contentType, modifiedAt: info.lastModified, etag: info.etag };
    } catch (err) {
      // HEAD responses have no body, so a missing object comes back as plain NotFound.
      if (hasCode(err, 'NotFound')) return null;
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    assertValidKey(key);
    await this.client.removeObject(this.opts.bucket, key);
  }

  async *list(prefix: string): AsyncIterable<StoredObject> {
    assertValidPrefix(prefix);
    const items: AsyncIterable<BucketItem> = this.client.listObjectsV2(this.opts.bucket, prefix, true);
    for await (const item of items) {
      // Recursive listings have no common prefixes; the check tells TypeScript so.
      if (item.name !== undefined) yield { key: item.name, size: item.size, modifiedAt: item.lastModified, etag: item.etag };
    }
  }

  /**
   * `opts.license` is ignored: a presigned URL is checked by the bucket, which knows nothing of
   * licenses, so a revoke (or narrowed terms) cannot stop a URL already handed out. Its lifetime
   * is the only bound, which is why licensed URLs are short-lived and capped at the license's end.
   */
  async url(key: string, opts: UrlOptions = {}): Promise<DownloadUrl> {
    assertValidKey(key);
    const { seconds, expiresAt } = urlExpiry(opts.expiresInS);
    const headers: Record<string, string> = opts.downloadName === undefined ? {} : { 'response-content-disposition': attachmentDisposition(opts.downloadName) };
    return { url: await this.client.presignedGetObject(this.opts.bucket, key, seconds, headers), expiresAt };
  }

  async ping(): Promise<void> {
    if (!(await this.client.bucketExists(this.opts.bucket))) throw new Error(`Bucket ${this.opts.bucket} does not exist`);
  }
}

const hasCode = (err: unknown, code: string): boolean => err instanceof S3Error && err.code === code;

/** A catch handler that ignores the S3 error `code` and rethrows anything else. */
const unless =
  (code: string) =>
  (err: unknown): void => {
    if (!hasCode(err, code)) throw err;
  };
