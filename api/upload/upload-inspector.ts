import { createHash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { DomainError, unprocessable } from '../../core/errors/domain-error';
import { exceedsPixelLimit, imageHeaderSize, MAX_IMAGE_PIXELS } from '../../core/media/image-header';
import { sniffMedia, type SniffedMedia } from '../../core/media/sniff-media';

/**
 * Enough of the head to find a JPEG's frame header behind a typical EXIF block; the rest of
 * the file streams through without being held.
 */
const HEAD_BYTES = 256 * 1024;

/**
 * A pass-through for an upload on its way to storage: it holds back the first bytes until it
 * knows what the file is (`media` settles then; a file that is not media, empty, or an image
 * whose header announces too many pixels fails the stream before a byte leaves), and hashes
 * and counts everything that passes.
 */
export class UploadInspector extends Transform {
  readonly media: Promise<SniffedMedia>;
  private settle!: { resolve: (m: SniffedMedia) => void; reject: (e: Error) => void };
  private head: Buffer[] = [];
  private headLength = 0;
  private decided = false;
  private readonly hash = createHash('sha256');
  private size = 0;
  private digest: string | undefined;

  constructor() {
    super();
    this.media = new Promise((resolve, reject) => (this.settle = { resolve, reject }));
    this.media.catch(() => undefined); // also reported through the stream's own error
  }

  /** The whole file's sha256 and size, once every byte has passed. */
  get result(): { sha256: string; sizeBytes: number } {
    if (this.digest === undefined) throw new Error('The upload has not been read to its end');
    return { sha256: this.digest, sizeBytes: this.size };
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.hash.update(chunk);
    this.size += chunk.length;
    if (this.decided) return done(null, chunk);
    this.head.push(chunk);
    this.headLength += chunk.length;
    if (this.headLength < HEAD_BYTES) return done();
    this.decide(done);
  }

  override _flush(done: TransformCallback): void {
    this.digest = this.hash.digest('hex');
    if (this.decided) return done();
    this.decide(done);
  }

  override _destroy(error: Error | null, done: (error?: Error | null) => void): void {
    this.settle.reject(error ?? new Error('The upload stopped before its content was known'));
    done(error);
  }

  private decide(done: TransformCallback): void {
    this.decided = true;
    const head = Buffer.concat(this.head);
    this.head = [];
    try {
      const media = judge(head);
      this.settle.resolve(media);
      done(null, head);
    } catch (err) {
      done(err as Error);
    }
  }
}

function judge(head: Buffer): SniffedMedia {
  if (head.length === 0) throw unprocessable('empty_file', 'The file is empty');
  const media = sniffMedia(head);
  if (!media) {
    throw new DomainError(
      'unsupported',
      'unsupported_media_type',
      'The file is not an image (JPEG, PNG, WebP, GIF, AVIF, HEIC) or a video (MP4, MOV, M4V, WebM, Matroska), judged by its content',
    );
  }
  const size = media.kind === 'image' ? imageHeaderSize(head, media.mime) : null;
  if (size && exceedsPixelLimit(size)) {
    throw unprocessable('image_too_large', `The image is ${size.width}×${size.height} pixels, over the limit of ${MAX_IMAGE_PIXELS / 1_000_000} megapixels`, {
      width: size.width,
      height: size.height,
    });
  }
  return media;
}
