/** What an asset is, where its processing stands, and the kinds of files rendered from it. */
export const ASSET_KINDS = ['image', 'video'] as const;
export type AssetKind = (typeof ASSET_KINDS)[number];

export const ASSET_STATUSES = ['uploaded', 'processing', 'ready', 'failed'] as const;
export type AssetStatus = (typeof ASSET_STATUSES)[number];

export const RENDITION_KINDS = ['image', 'crop', 'poster', 'preview', 'cut', 'cut_poster'] as const;
export type RenditionKind = (typeof RENDITION_KINDS)[number];
