import { sql } from 'drizzle-orm';
import { assetProducts, assets, comments, type Db } from '../db';

export interface ProductListing {
  sku: string;
  comments: number;
  assets: number;
}

/**
 * The products named anywhere in the library (by imported comments or by assets), most
 * commented first, then by SKU; `q` keeps those whose SKU contains it (any case). One
 * grouped query per source, joined on the SKU.
 */
export async function listProducts(db: Db, { q, limit }: { q?: string; limit: number }): Promise<{ items: ProductListing[]; truncated: boolean }> {
  const pattern = q ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : '%';
  const result = await db.execute<{ sku: string; comments: string | number; assets: string | number }>(sql`
    with commented as (
      select ${comments.productSku} as sku, count(*) as n from ${comments}
      where ${comments.productSku} is not null group by ${comments.productSku}
    ), shown as (
      select ${assetProducts.sku} as sku, count(*) as n from ${assetProducts}
      join ${assets} on ${assets.id} = ${assetProducts.assetId}
      where ${assets.deletedAt} is null group by ${assetProducts.sku}
    )
    select coalesce(c.sku, s.sku) as sku, coalesce(c.n, 0) as comments, coalesce(s.n, 0) as assets
    from commented c full join shown s on s.sku = c.sku
    where coalesce(c.sku, s.sku) ilike ${pattern}
    order by 2 desc, 1 asc
    limit ${limit + 1}`);
  const rows = result.rows.map((r) => ({ sku: r.sku, comments: Number(r.comments), assets: Number(r.assets) }));
  return { items: rows.slice(0, limit), truncated: rows.length > limit };
}
