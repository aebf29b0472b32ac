import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/**
 * A real S3 endpoint on loopback: s3rver in-process, storing in a fresh temp directory.
 *
 * s3rver does not implement ListMultipartUploads (`GET /<bucket>?uploads` answers
 * 501 NotImplemented), yet the minio client calls it before every multipart upload to look
 * for one to resume. So instead of `s3rver.run()` we serve s3rver's request handler
 * (`getMiddleware()`, its documented way to mount it) from our own HTTP server, which answers
 * that one request itself with an empty ListMultipartUploadsResult ("nothing to resume").
 * Every other request reaches s3rver untouched. Only tests need this: real MinIO and AWS
 * implement the call, and production code knows nothing about it.
 */
export interface S3rverHandle {
  endpoint: string;
  accessKey: string;
  secretKey: string;
  /** `METHOD /path?query` of every request so far: what reached the server, and what did not. */
  requests(): string[];
  stop(): Promise<void>;
}

interface S3rverApp {
  getMiddleware(): http.RequestListener;
}
// s3rver ships no type declarations; this is the one method used here.
const S3rver = require('s3rver') as new (opts: { directory: string; silent: boolean }) => S3rverApp;

/** s3rver accepts this fixed pair of credentials. */
const CREDENTIALS = { accessKey: 'S3RVER', secretKey: 'S3RVER' };

export async function startS3rver(): Promise<S3rverHandle> {
  const directory = await mkdtemp(path.join(os.tmpdir(), 's3rver-'));
  const s3rver = new S3rver({ directory, silent: true }).getMiddleware();
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    const bucket = listMultipartUploadsBucket(req);
    if (bucket === undefined) s3rver(req, res);
    else answerNoUploads(res, bucket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    ...CREDENTIALS,
    requests: () => [...requests],
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
      await rm(directory, { recursive: true, force: true });
    },
  };
}

/** The bucket a ListMultipartUploads request (`GET /<bucket>?uploads`) is about, else undefined. */
function listMultipartUploadsBucket(req: http.IncomingMessage): string | undefined {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const bucket = /^\/([^/]+)\/?$/.exec(url.pathname)?.[1];
  return req.method === 'GET' && url.searchParams.has('uploads') ? bucket : undefined;
}

function answerNoUploads(res: http.ServerResponse, bucket: string): void {
  res.writeHead(200, { 'Content-Type': 'application/xml' });
  res.end(
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
      '<ListMultipartUploadsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">' +
      `<Bucket>${bucket}</Bucket><IsTruncated>false</IsTruncated>` +
      '</ListMultipartUploadsResult>',
  );
}
