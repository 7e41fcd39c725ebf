// What the importing member's browser sends (POST /api/bundles/import): the bundle's records made
// anew for this organization — new ids, fields sealed to its own records key — with, for each,
// the partner's original id and code. The server creates all of it in one transaction, or nothing.
import * as z from 'zod';
import { detentionInput, registryInput, secretPart, transferInput } from '../records/schemas.ts';

export const IMPORTED_TYPES = ['incident', 'person', 'act', 'involvement', 'source'] as const;
export type ImportedType = (typeof IMPORTED_TYPES)[number];

export const importRequest = z.object({
  bundleId: z.uuid(),
  /** Who sent it and the day they made it, sealed to this organization's records key. */
  origin: secretPart,
  /** The partner's channel (issue 12): a 'partner' channel; every source the bundle brings is in it. */
  channelId: z.uuid().nullable().optional(),
  /** Registry entries this organization lacks (matched by kind and code), with the ids chosen for them. */
  registry: z.array(z.object({ id: z.uuid(), entry: registryInput })).max(10_000),
  /** In the order they can be created: incidents, persons, acts, involvements, sources. */
  records: z
    .array(
      z.object({
        type: z.enum(IMPORTED_TYPES),
        id: z.uuid(),
        originalId: z.uuid(),
        originalCode: z.string().regex(/^[A-Z]-\d{4,}$/),
        /** Checked against the record type's own schema by the server. */
        record: z.unknown(),
      }),
    )
    .max(250_000),
  detentions: z.array(z.object({ actId: z.uuid(), detention: detentionInput, transfers: z.array(transferInput).max(1000) })).max(50_000),
});
export type ImportRequest = z.infer<typeof importRequest>;

export interface ImportResult {
  bundleId: string;
  /** Records created now; those already imported from this bundle before are skipped. */
  created: Record<ImportedType, number>;
  skipped: number;
  registryAdded: number;
  /** The new id of each original (created now or before). */
  ids: Record<string, string>;
}

/** Provenance of one record as the workspace shows it (GET /api/provenance/:recordId). */
export interface ProvenanceView {
  bundleId: string;
  originalCode: string;
  importedOn: string;
  origin: z.infer<typeof secretPart>;
}
