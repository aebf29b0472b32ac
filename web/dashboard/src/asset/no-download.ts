import type { MouseEvent } from 'react';

/**
 * What takes the browser's own ways of saving a video away: the download item of its controls
 * menu, picture-in-picture and casting (a window and a device outside the page), and the context
 * menu, whose "Save video as…" and "Copy video address" would hand out the file. A cut leaves
 * the system only through a pull (POST /api/v1/ads/:cutId/pull), which checks the rights and
 * writes the usage ledger; a save from the player would do neither. Not a lock (the URL is in
 * the page), but no control on the page offers a download any more.
 */
export const NO_DOWNLOAD = {
  controlsList: 'nodownload noremoteplayback',
  disablePictureInPicture: true,
  disableRemotePlayback: true,
  onContextMenu: (event: MouseEvent) => event.preventDefault(),
} as const;
