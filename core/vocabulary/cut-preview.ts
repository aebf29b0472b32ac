/**
 * Who may preview a rendered ad cut in the asset view, and for how long a preview link lives.
 * A preview is not a use: using a cut anywhere means pulling it (rights checked, recorded in
 * the usage ledger).
 */

/** The roles that may watch cuts in the asset view: those who make them, choose them, or run the library. */
export const CUT_PREVIEW_ROLES = ['admin', 'content_manager', 'performance'] as const;

/** Long enough to watch a short cut after opening the page, short enough that a copied link soon dies. */
export const CUT_PREVIEW_LIFETIME_S = 300;
