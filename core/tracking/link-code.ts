import { randomBytes } from 'node:crypto';

/** 16 bytes: 128 random bits, far past guessing (at least 96 are asked for), 22 base64url characters. */
const CODE_BYTES = 16;
const CODE_SHAPE = /^[A-Za-z0-9_-]{22}$/;

export const newLinkCode = (): string => randomBytes(CODE_BYTES).toString('base64url');

/** Whether `code` could be one of ours: anything else is unknown without asking the database. */
export const looksLikeLinkCode = (code: string): boolean => CODE_SHAPE.test(code);
