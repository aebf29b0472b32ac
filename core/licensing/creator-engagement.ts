import { auditHistory } from '../audit/audit-log';
import type { Db } from '../db';
import { getCreator } from './creator-store';

export interface EngagementPoint {
  at: string;
  followers: number;
  engagementRate: number | null;
}

interface Reach {
  followers?: number;
  engagementRate?: number | null;
}

/**
 * How a creator's followers and engagement went, oldest first: their values when added (the
 * first change's "before", or today's values if never changed), then each audited change that
 * moved either. Read from the audit log, which keeps every creator update with both sides.
 * 404 `creator_not_found` for an unknown id.
 */
export async function engagementHistory(db: Db, creatorId: string): Promise<EngagementPoint[]> {
  const creator = await getCreator(db, creatorId);
  const changes = (await auditHistory(db, 'creator', creatorId)).filter((e) => e.action === 'creator.update');
  const first = (changes[0]?.before ?? creator) as Reach;
  const points: EngagementPoint[] = [{ at: creator.createdAt, followers: first.followers ?? creator.followers, engagementRate: first.engagementRate ?? null }];
  for (const change of changes) {
    const after = change.after as Reach;
    const last = points.at(-1)!;
    const next = { at: change.at, followers: after.followers ?? last.followers, engagementRate: after.engagementRate ?? null };
    if (next.followers !== last.followers || next.engagementRate !== last.engagementRate) points.push(next);
  }
  return points;
}
