import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Services } from '../runtime/services';
import { galleriesStaleCount, markGalleriesStale } from './gallery-cache';

type ChangeServices = Pick<Services, 'config' | 'database' | 'logger' | 'redis'>;

/**
 * The channel on which API replicas announce writes. Under the queue prefix, which is unique to
 * an installation's database (or set by QUEUE_PREFIX), so other installations sharing the same
 * Redis never hear each other's writes.
 */
export const galleryChangesChannel = (queuePrefix: string): string => `${queuePrefix}:galleries-stale`;

/**
 * What has changed the galleries one API serves: its own writes and, with SHARE_REPLICA_STATE,
 * the writes other replicas of the same installation announce through Redis pub/sub. The cache
 * drops its entries whenever `changeCount` moves (together with this process's own
 * markGalleriesStale calls, as from an embedded worker).
 */
export class GalleryChanges {
  private count = 0;
  /** Our own announcements come back to us on the channel: this tells them apart. */
  private readonly sender = randomUUID();
  private readonly channel: string;

  constructor(private readonly services: ChangeServices) {
    this.channel = galleryChangesChannel(services.config.queuePrefix);
    if (services.config.shareReplicaState) this.listen();
  }

  readonly changeCount = (): number => galleriesStaleCount() + this.count;

  /** A write through this API: its galleries go now, and every replica's once the message arrives. */
  changed(): void {
    this.count += 1;
    announce(this.services, this.sender);
  }

  /**
   * A connection of its own (a subscribed one can do nothing else), closed with the services'
   * Redis connection. After a reconnect every entry goes: announcements may have been missed.
   */
  private listen(): void {
    const subscriber: Redis = this.services.redis.duplicate();
    let connectedBefore = false;
    subscriber.on('ready', () => {
      if (connectedBefore) this.count += 1;
      connectedBefore = true;
    });
    subscriber.on('error', () => {}); // the services' own connection reports Redis being down
    subscriber.on('message', (_channel: string, sender: string) => {
      if (sender !== this.sender) this.count += 1;
    });
    subscriber.subscribe(this.channel).catch((err: Error) => this.services.logger.warn({ err: err.message }, 'gallery changes not subscribed'));
    this.services.redis.once('end', () => subscriber.disconnect());
  }
}

/**
 * A change made outside the API, as a worker making an asset ready: the galleries cached in this
 * process go (the embedded setup runs the API here too) and, with SHARE_REPLICA_STATE, every
 * API replica's, wherever the worker runs.
 */
export function announceGalleryChange(services: ChangeServices): void {
  markGalleriesStale();
  announce(services, 'worker');
}

function announce({ config, redis, logger }: ChangeServices, sender: string): void {
  if (!config.shareReplicaState) return;
  // A lost announcement leaves peers' entries until GALLERY_MAX_STALE_MS, as without sharing.
  redis.publish(galleryChangesChannel(config.queuePrefix), sender).catch((err: Error) => logger.warn({ err: err.message }, 'gallery change not announced'));
}

/** One per open database (as the gallery cache), made on first use. */
const all = new WeakMap<object, GalleryChanges>();

export function galleryChanges(services: ChangeServices): GalleryChanges {
  let changes = all.get(services.database);
  if (!changes) all.set(services.database, (changes = new GalleryChanges(services)));
  return changes;
}
