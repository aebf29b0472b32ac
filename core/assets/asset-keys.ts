/** Where an asset's original bytes are stored: from the server-made asset id, never from a client's file name. */
export const originalKey = (assetId: string): string => `assets/${assetId}/original`;
