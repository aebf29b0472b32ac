import { eq } from 'drizzle-orm';
import { recordAudit } from '../audit/audit-log';
import type { CreatorCodeView } from '../contract/creator-code-replies';
import { creatorCodes, creators, type CreatorCode, type Db } from '../db';
import { DomainError, notFound } from '../errors/domain-error';
import type { CodeDiscount } from './code-discount';
import { auditedCode, toCreatorCodeView } from './code-view';
import { generatedCode } from './generated-code';

/** A code to add: `code` already checked and upper-cased (codeTextSchema); absent, one is generated. */
export interface NewCode {
  code?: string;
  campaign?: string | null;
  discount?: CodeDiscount | null;
}

/** Generated codes that clash are drawn again; this many clashes in a row means something else is wrong. */
const MAX_DRAWS = 8;

/**
 * Gives a creator a code, entered or generated from their handle. Codes are unique brand-wide
 * (a code names one creator at a checkout): an entered code someone already holds, in any case,
 * is refused with 409 `code_exists` and the holder's id. The code and its audit entry commit together.
 */
export async function addCreatorCode(db: Db, creatorId: string, request: NewCode, actorKeyId: string): Promise<CreatorCodeView> {
  return db.transaction(async (tx) => {
    const handle = await handleOf(tx, creatorId);
    const values = { creatorId, campaign: request.campaign ?? null, discount: request.discount ?? null, createdBy: actorKeyId };
    const row = request.code === undefined ? await insertGenerated(tx, values, handle) : await insertEntered(tx, { ...values, code: request.code });
    const view = toCreatorCodeView(row, handle);
    await recordAudit(tx, { actorKeyId, action: 'creator_code.create', entityType: 'creator_code', entityId: row.id, before: null, after: auditedCode(view) });
    return view;
  });
}

type CodeValues = Omit<typeof creatorCodes.$inferInsert, 'code'>;

async function insertEntered(tx: Db, values: CodeValues & { code: string }): Promise<CreatorCode> {
  const row = await insertUnlessTaken(tx, values);
  if (row) return row;
  const [holder] = await tx.select({ creatorId: creatorCodes.creatorId }).from(creatorCodes).where(eq(creatorCodes.code, values.code));
  throw new DomainError('conflict', 'code_exists', `The code ${values.code} is already given (codes are unique whatever their case)`, {
    creatorId: holder?.creatorId ?? null,
  });
}

async function insertGenerated(tx: Db, values: CodeValues, handle: string): Promise<CreatorCode> {
  for (let draw = 0; draw < MAX_DRAWS; draw++) {
    const row = await insertUnlessTaken(tx, { ...values, code: generatedCode(handle) });
    if (row) return row;
  }
  throw new Error(`no free code for handle ${handle} after ${MAX_DRAWS} draws`);
}

/** ON CONFLICT rather than look-then-insert: two people adding the same code at once cannot both get it. */
async function insertUnlessTaken(tx: Db, values: CodeValues & { code: string }): Promise<CreatorCode | undefined> {
  const [row] = await tx.insert(creatorCodes).values(values).onConflictDoNothing({ target: creatorCodes.code }).returning();
  return row;
}

async function handleOf(tx: Db, creatorId: string): Promise<string> {
  const [creator] = await tx.select({ handle: creators.handle }).from(creators).where(eq(creators.id, creatorId));
  if (!creator) throw notFound('creator', creatorId);
  return creator.handle;
}
