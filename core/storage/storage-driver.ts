/**
 * Where object bytes live: local files in the embedded setup, an S3-compatible bucket in
 * production. Callers (API, workers) only ever see this interface, so nothing assumes that
 * two processes share a disk.
 */
export interface StoredObject {
  key: string;
  size: number;
  /** Absent in listings: S3 does not return it there. */
  contentType?: string;
  modifiedAt: Date;
  /** Opaque, without quotes; changes whenever the bytes change. */
  etag?: string;
}

/** Inclusive on both ends, like HTTP Range; no end means "to the end of the object". */
export interface ByteRange {
  start: number;
  end?: number;
}

/**
 * The license a download URL was issued under, for licensed-only content (gallery items, ad
 * pulls, cut previews). Opaque to storage: `id` names the license and `use` (see
 * core/licensing/licensed-use.ts) what it was issued for; the fs driver signs both into the
 * URL so that its file server can ask, on every request, whether that license still allows it.
 */
export interface UrlLicense {
  id: string;
  use: string;
}

export interface UrlOptions {
  /** 1 second to 7 days; 15 minutes when absent. */
  expiresInS?: number;
  /** Served as an attachment under this name. */
  downloadName?: string;
  /**
   * fs: the URL stops working as soon as the license no longer allows `use` (revoked, ended,
   * terms narrowed), whatever its expiry. S3 cannot enforce this (the bucket checks a presigned
   * URL, not us), so there the lifetime is the only bound: keep licensed lifetimes short.
   */
  license?: UrlLicense;
}

export interface DownloadUrl {
  url: string;
  expiresAt: Date;
}

export interface StorageDriver {
  readonly name: 'fs' | 's3';
  /** `size` is a hint that lets S3 avoid buffering; a later put of the same key replaces the object. */
  put(key: string, body: NodeJS.ReadableStream | Buffer, opts?: { contentType?: string; size?: number }): Promise<StoredObject>;
  /** Rejects with DomainError `object_not_found` when missing, `range_not_satisfiable` when the range starts past the end. */
  get(key: string, range?: ByteRange): Promise<NodeJS.ReadableStream>;
  stat(key: string): Promise<StoredObject | null>;
  /** Idempotent: deleting a missing key succeeds. */
  delete(key: string): Promise<void>;
  /** Every object whose key starts with `prefix` (a plain string prefix, as in S3), in key order. */
  list(prefix: string): AsyncIterable<StoredObject>;
  url(key: string, opts?: UrlOptions): Promise<DownloadUrl>;
  /** Throws when the backend does not answer (used by /readyz). */
  ping(): Promise<void>;
}

/** What S3 assumes for bytes of unknown type; both drivers store it when the writer gives none. */
export const DEFAULT_CONTENT_TYPE = 'application/octet-stream';
