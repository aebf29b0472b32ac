/** A FAQ entry's review: draft → approved → published (shown on product pages); back to draft to unpublish. */
export const FAQ_STATUSES = ['draft', 'approved', 'published'] as const;
export type FaqStatus = (typeof FAQ_STATUSES)[number];
