// Bundles for partner organizations: what the exporting browser tells the server it made (the
// import's shapes are core/bundle/import-request.ts).
import * as z from 'zod';
import { keyId } from './common.ts';

const count = z.number().int().min(0);

/** Recorded with counts and the partner's key id, never what the bundle holds. */
export const bundleExported = z.object({
  bundleId: z.uuid(),
  partnerKeyId: keyId,
  counts: z.object({ incidents: count, persons: count, acts: count, detentions: count, involvements: count, sources: count }),
});
export type BundleExported = z.infer<typeof bundleExported>;
