import { inArray } from 'drizzle-orm';
import { defaultDisclosure } from '../ads/ad-cut-plan';
import { assets, type Db } from '../db';
import { StoredProposedTerms } from '../licensing/license-terms';
import type { StoredRequest } from './rights-request-store';
import { termsInPlainWords, type PlainWords } from './terms-in-plain-words';

export interface BrandSettings {
  brandName: string;
  timeZone: string;
}

/**
 * A request's terms in plain words, exactly as the creator's page shows them and as the
 * acceptance hashes them. Read as of the request's creation, so the text cannot change between
 * the page being shown and the answer (a start date passing meanwhile would drop a sentence).
 */
export async function requestPlainWords(db: Db, stored: StoredRequest, brand: BrandSettings): Promise<PlainWords> {
  const { row, assetIds, creatorHandle } = stored;
  const terms = StoredProposedTerms.parse(row.terms);
  const kinds = assetIds.length ? await db.select({ kind: assets.kind }).from(assets).where(inArray(assets.id, assetIds)) : 'future_posts';
  return termsInPlainWords(
    {
      language: row.language,
      brand: brand.brandName,
      creatorHandle,
      assets: kinds,
      terms: {
        ...terms,
        excludedTerritories: terms.excludedTerritories ?? [],
        disclosureRequired: terms.disclosureRequired ?? false,
        disclosureLabel: terms.disclosureRequired ? defaultDisclosure(terms.territories) : null,
        attributionRequired: terms.attributionRequired ?? false,
        exclusivity: terms.exclusivity ?? null,
        fee: terms.fee ?? null,
      },
      timeZone: brand.timeZone,
    },
    row.createdAt,
  );
}
