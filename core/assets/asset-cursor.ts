import { z } from 'zod';
import { invalid } from '../errors/domain-error';

/**
 * Where a page of assets ended: the last item's (createdAt, id), newest first. createdAt is
 * kept in microseconds since the epoch, PostgreSQL's own precision: a JavaScript Date would
 * drop the microseconds and skip or repeat rows created within the same millisecond.
 * Opaque to clients: base64url of a small JSON array.
 */
export interface AssetCursor {
  createdAtUs: string;
  id: string;
}

const Shape = z.tuple([z.string().regex(/^\d{1,18}$/), z.uuid()]);

export const encodeAssetCursor = (cursor: AssetCursor): string =>
  Buffer.from(JSON.stringify([cursor.createdAtUs, cursor.id])).toString('base64url');

export function decodeAssetCursor(text: string): AssetCursor {
  try {
    const [createdAtUs, id] = Shape.parse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')));
    return { createdAtUs, id };
  } catch {
    throw invalid('invalid_cursor', 'The cursor is not one this API returned');
  }
}
