/**
 * The file itself is bad (truncated, corrupt, no video stream, too many pixels): trying again
 * cannot help, unlike a storage or network failure. The message is shown to people as the
 * asset's `error`, so it says what is wrong in plain words.
 */
export class UnreadableMediaError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'UnreadableMediaError';
  }
}
