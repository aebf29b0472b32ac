/** What one seeding step did: how many things it added and how many were already there. */
export interface Tally {
  created: number;
  existing: number;
}

export const emptyTally = (): Tally => ({ created: 0, existing: 0 });

export function count(tally: Tally, created: boolean): void {
  if (created) tally.created += 1;
  else tally.existing += 1;
}
