import { z } from 'zod';
import { invalid } from '../errors/domain-error';

/**
 * Where a newest-first page ended (assets, comments, ad cuts, the usage ledger, webhook
 * deliveries): the last item's (time, id). The time is kept in microseconds since the epoch,
 * PostgreSQL's own precision: a JavaScript Date would drop the microseconds and skip or repeat
 * rows written within the same millisecond. Opaque to clients: base64url of a small JSON array.
 */
export interface PageCursor {
  createdAtUs: string;
  id: string;
}

const Shape = z.tuple([z.string().regex(/^\d{1,18}$/), z.uuid()]);

export const encodePageCursor = (cursor: PageCursor): string => Buffer.from(JSON.stringify([cursor.createdAtUs, cursor.id])).toString('base64url');

export function decodePageCursor(text: string): PageCursor {
  try {
    const [createdAtUs, id] = Shape.parse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')));
    return { createdAtUs, id };
  } catch {
    throw invalid('invalid_cursor', 'The cursor is not one this API returned');
  }
}
