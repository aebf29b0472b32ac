import { and, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '../audit/audit-log';
import type { CreatorCodeView } from '../contract/creator-code-replies';
import { creatorCodes, creators, type Db } from '../db';
import { notFound } from '../errors/domain-error';
import { auditedCode, toCreatorCodeView } from './code-view';

/**
 * Stops a code for good; it stays listed (`active: false`) so that orders placed with it still
 * find their creator. Deactivating a deactivated code changes nothing and answers it as it is.
 * The change and its audit entry commit together.
 */
export async function deactivateCreatorCode(db: Db, creatorId: string, codeId: string, actorKeyId: string, now = new Date()): Promise<CreatorCodeView> {
  return db.transaction(async (tx) => {
    const ofCreator = and(eq(creatorCodes.id, codeId), eq(creatorCodes.creatorId, creatorId));
    const [deactivated] = await tx
      .update(creatorCodes)
      .set({ deactivatedAt: now, deactivatedBy: actorKeyId })
      .where(and(ofCreator, isNull(creatorCodes.deactivatedAt)))
      .returning({ id: creatorCodes.id });
    const [row] = await tx
      .select({ code: creatorCodes, handle: creators.handle })
      .from(creatorCodes)
      .innerJoin(creators, eq(creators.id, creatorCodes.creatorId))
      .where(ofCreator);
    if (!row) throw notFound('creator_code', codeId);
    const view = toCreatorCodeView(row.code, row.handle);
    if (deactivated) {
      const after = auditedCode(view);
      await recordAudit(tx, {
        actorKeyId,
        action: 'creator_code.deactivate',
        entityType: 'creator_code',
        entityId: codeId,
        before: { ...after, active: true, deactivatedAt: null },
        after,
      });
    }
    return view;
  });
}
