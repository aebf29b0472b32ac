import type { CreatorCodeView } from '../contract/creator-code-replies';
import type { CreatorCode } from '../db';

export function toCreatorCodeView(row: CreatorCode, creatorHandle: string): CreatorCodeView {
  return {
    id: row.id,
    creatorId: row.creatorId,
    creatorHandle,
    code: row.code,
    campaign: row.campaign,
    discount: row.discount,
    active: row.deactivatedAt === null,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    deactivatedAt: row.deactivatedAt?.toISOString() ?? null,
  };
}

/**
 * The code as the audit log keeps it: without the creator's handle, which erasure could not
 * find there (the entry is about the code; its creatorId says whose it is).
 */
export const auditedCode = ({ creatorHandle: _handle, ...code }: CreatorCodeView): Omit<CreatorCodeView, 'creatorHandle'> => code;
