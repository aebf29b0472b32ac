/**
 * Platform exports name the same things differently. A column or key is compared in lower case
 * with everything but letters and digits removed (`External ID`, `external_id` and `externalId`
 * are all `externalid`), then looked up here. Any name not listed is ignored.
 *
 * | ours | also accepted | typical source |
 * |---|---|---|
 * | `platform` | `source`, `network` | — |
 * | `externalId` | `id`, `commentId`, `comment_id`, `cid` | Instagram/Facebook Graph `id`, TikTok `cid` |
 * | `text` | `message`, `body`, `comment`, `content`, `commentText`, `textOriginal`, `textDisplay` | Facebook `message`, YouTube `textOriginal` |
 * | `author` | `username`, `user`, `userName`, `from`, `authorName`, `authorDisplayName`, `owner`, `uniqueId` | Instagram `username`, Facebook `from` (an object: its `name`) |
 * | `postedAt` | `createdTime`, `created_time`, `createdAt`, `createTime`, `timestamp`, `publishedAt`, `date`, `time` | Facebook `created_time`, Instagram `timestamp`, TikTok `create_time` (epoch seconds) |
 * | `assetId` | `asset` | — |
 * | `productSku` | `sku`, `product`, `productId` | — |
 * | `permalink` | `permalinkUrl`, `commentUrl` | Instagram `permalink`, Facebook `permalink_url` |
 */
export const IMPORT_FIELDS = ['platform', 'externalId', 'text', 'author', 'postedAt', 'assetId', 'productSku', 'permalink'] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

const ALIASES: Record<ImportField, readonly string[]> = {
  platform: ['platform', 'source', 'network'],
  externalId: ['externalid', 'id', 'commentid', 'cid'],
  text: ['text', 'message', 'body', 'comment', 'content', 'commenttext', 'textoriginal', 'textdisplay'],
  author: ['author', 'username', 'user', 'from', 'authorname', 'authordisplayname', 'owner', 'uniqueid'],
  postedAt: ['postedat', 'createdtime', 'createdat', 'createtime', 'timestamp', 'publishedat', 'date', 'time'],
  assetId: ['assetid', 'asset'],
  productSku: ['productsku', 'sku', 'product', 'productid'],
  permalink: ['permalink', 'permalinkurl', 'commenturl'],
};

/** Each accepted name → our field and its rank among that field's names (0 = our own spelling). */
const FIELD_BY_NAME: ReadonlyMap<string, { field: ImportField; rank: number }> = new Map(
  IMPORT_FIELDS.flatMap((field) => ALIASES[field].map((name, rank) => [name, { field, rank }] as const)),
);

const squash = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Our field for a column or key name, or undefined when it is none of ours. */
export const importFieldOf = (name: string): ImportField | undefined => FIELD_BY_NAME.get(squash(name))?.field;

/**
 * A record with its keys mapped to ours; unknown keys dropped. When two keys map to one field
 * (`id` and `comment_id`), the name listed first above wins, whatever the key order.
 */
export function canonicalFields(record: Record<string, unknown>): Partial<Record<ImportField, unknown>> {
  const out: Partial<Record<ImportField, unknown>> = {};
  const ranks: Partial<Record<ImportField, number>> = {};
  for (const [key, value] of Object.entries(record)) {
    const known = FIELD_BY_NAME.get(squash(key));
    if (!known || value === undefined || value === null || value === '') continue;
    if ((ranks[known.field] ?? Infinity) <= known.rank) continue;
    out[known.field] = value;
    ranks[known.field] = known.rank;
  }
  return out;
}
