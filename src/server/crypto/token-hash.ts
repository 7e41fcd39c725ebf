import { createHash } from 'node:crypto';

/** What is stored of a random one-time token (invitation, setup, alert links): never the token itself. */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');
