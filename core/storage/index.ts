export type { ByteRange, DownloadUrl, StorageDriver, StoredObject } from './storage-driver';
export { DEFAULT_CONTENT_TYPE } from './storage-driver';
export { assertValidKey, assertValidPrefix } from './storage-key';
export { objectNotFound } from './storage-errors';
export { attachmentDisposition } from './download-url';
export { FILES_PATH, signFileUrl, verifyFileUrl, type FileUrlCheck, type FileUrlGrant } from './signed-url';
export { FsDriver, type FsDriverOptions } from './fs-driver';
export { S3Driver, type S3DriverOptions } from './s3-driver';
export { createStorage } from './create-storage';
