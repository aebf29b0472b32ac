import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

export interface Received {
  headers: http.IncomingHttpHeaders;
  raw: string;
  body: { id: string; event: string; sentAt: string; attempt: number; data: Record<string, unknown> };
}

export interface WebhookReceiver {
  url: string;
  received: Received[];
  /** Waits until `count` requests have arrived (or throws after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<Received[]>;
  close(): Promise<void>;
}

/** A real HTTP endpoint on loopback; `answer(n)` gives the status for the n-th request (1-based). */
export async function startReceiver(answer: (n: number) => number = () => 200): Promise<WebhookReceiver> {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      received.push({ headers: req.headers, raw, body: JSON.parse(raw) as Received['body'] });
      res.writeHead(answer(received.length)).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    waitFor: async (count, timeoutMs = 15_000) => {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} webhook requests, got ${received.length}`);
        await sleep(25);
      }
      return received.slice(0, count);
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** What a receiver does to trust a delivery: recompute the HMAC over the raw body, independently of the sender's code. */
export const signatureValid = (secret: string, r: Received): boolean =>
  r.headers['x-signature'] === `sha256=${createHmac('sha256', secret).update(r.raw).digest('hex')}`;
