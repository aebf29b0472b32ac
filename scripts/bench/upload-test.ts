import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sampleRss, type RssSummary } from './rss-sampler';

const MiB = 1024 * 1024;

export interface UploadRequest {
  apiUrl: string;
  apiKey: string;
  creatorId: string;
  sizeBytes: number;
  /** The API process, whose memory is watched during the upload. */
  apiPid: number;
}

export interface UploadResult {
  status: number;
  /** The API's answer: the asset (or an error body). */
  body: unknown;
  bytes: number;
  seconds: number;
  mbPerS: number;
  rss: RssSummary;
}

/**
 * Streams a generated file of `sizeBytes` to `POST /api/v1/assets` as multipart/form-data and
 * watches the API's resident memory meanwhile. The file is made on the fly (never held whole):
 * an MP4 `ftyp` box, so content sniffing takes it for a video, then one `mdat` box of filler.
 */
export async function measureUpload(request: UploadRequest): Promise<UploadResult> {
  const boundary = `bench-${randomBytes(12).toString('hex')}`;
  const head = Buffer.from(
    `${field(boundary, 'creatorId', request.creatorId)}${field(boundary, 'title', 'Benchmark upload')}` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bench.mp4"\r\nContent-Type: video/mp4\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const rss = sampleRss(request.apiPid);
  const started = process.hrtime.bigint();
  const { status, body } = await post(new URL('/api/v1/assets', request.apiUrl), {
    headers: {
      authorization: `Bearer ${request.apiKey}`,
      'content-type': `multipart/form-data; boundary=${boundary}`,
      'content-length': String(head.length + request.sizeBytes + tail.length),
    },
    body: Readable.from(multipartBody(head, request.sizeBytes, tail)),
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { status, body, bytes: request.sizeBytes, seconds, mbPerS: request.sizeBytes / MiB / seconds, rss: rss.stop() };
}

const field = (boundary: string, name: string, value: string): string => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;

function* multipartBody(head: Buffer, sizeBytes: number, tail: Buffer): Generator<Buffer> {
  yield head;
  yield* generatedMp4(sizeBytes);
  yield tail;
}

/** `sizeBytes` of "MP4": a 32-byte ftyp box, a 16-byte mdat header (64-bit size), then 1 MiB of random filler repeated. */
export function* generatedMp4(sizeBytes: number): Generator<Buffer> {
  const ftyp = Buffer.alloc(32);
  ftyp.writeUInt32BE(32, 0);
  ftyp.write('ftypisom', 4, 'latin1');
  ftyp.writeUInt32BE(0x200, 12);
  ftyp.write('isomiso2avc1mp41', 16, 'latin1');
  const mdat = Buffer.alloc(16);
  mdat.writeUInt32BE(1, 0); // size 1: the real size follows as 64 bits
  mdat.write('mdat', 4, 'latin1');
  mdat.writeBigUInt64BE(BigInt(sizeBytes - ftyp.length), 8);
  const filler = randomBytes(MiB);
  let left = sizeBytes - ftyp.length - mdat.length;
  yield Buffer.concat([ftyp, mdat]);
  while (left > 0) {
    const chunk = left >= filler.length ? filler : filler.subarray(0, left);
    left -= chunk.length;
    yield chunk;
  }
}

async function post(url: URL, { headers, body }: { headers: Record<string, string>; body: Readable }): Promise<{ status: number; body: unknown }> {
  const req = http.request(url, { method: 'POST', headers });
  const response = new Promise<http.IncomingMessage>((resolve, reject) => {
    req.once('response', resolve);
    req.once('error', reject);
  });
  // The server may answer (e.g. 413) before taking the whole body and drop the connection:
  // the answer is what counts, and a request that fails without one rejects `response`.
  await Promise.race([pipeline(body, req).catch(() => {}), response]);
  const res = await response;
  const chunks: Buffer[] = [];
  for await (const chunk of res) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString();
  return { status: res.statusCode ?? 0, body: text ? (JSON.parse(text) as unknown) : null };
}
