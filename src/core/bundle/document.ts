// The bundle document, `vigil-bundle/1`: what one organization hands a partner, before it is
// compressed and sealed (envelope.ts). Aligned with HURIDOCS ESF like the records themselves —
// incidents (Events), people (Victims), acts, detentions (Arrest) with transfers, perpetrator
// involvement, sources (Information) — and carrying provenance: who exported it, when (the day),
// and each record's original id and code. Registry entries travel by (kind, code), so each side
// keeps its own ids. Identity rule (docs/data-model.md): a person's sealed fields travel only where
// their consent to sharing is not 'none'; gender identity never does.
import * as z from 'zod';
import { keysOf } from '../records/vocabulary.ts';
import { PLACE_KINDS } from '../records/vocabulary-words.ts';
import { REGISTRY_KINDS } from '../records/schemas.ts';
import { DETENTION_FIELDS } from '../records/fields/detention.ts';
import { INCIDENT_FIELDS } from '../records/fields/incident.ts';
import { PERSON_FIELDS } from '../records/fields/person.ts';
import { ACT_FIELDS } from '../records/fields/act.ts';
import { INVOLVEMENT_FIELDS } from '../records/fields/involvement.ts';
import { SOURCE_FIELDS } from '../records/fields/source.ts';
import { day, sealedFields } from '../records/fields/field.ts';
import { bundleSchema } from '../records/fields/bundle.ts';

export const BUNDLE_FORMAT = 'vigil-bundle/1';

const original = { originalId: z.uuid(), originalCode: z.string().regex(/^[A-Z]-\d{4,}$/) };
const code = z.string().min(1).max(40);
/** Sealed fields as the exporting organization's workspace wrote them (title, description, name…). */
const fields = z.record(z.string().max(100), z.unknown());
const label = z.string().min(1).max(200);

export const bundleRegistryEntry = z.object({
  kind: z.enum(REGISTRY_KINDS),
  code,
  labels: z.object({ en: label, az: label, ru: label }),
  placeKind: z.enum(keysOf(PLACE_KINDS)).nullable(),
  appealDays: z.number().int().min(1).max(365).nullable(),
});

// Each record's bundled plain fields come from its type's field table (src/core/records/fields/).
export const bundleIncident = z.object({ ...original, ...bundleSchema(INCIDENT_FIELDS, code).shape, fields });

export const bundlePerson = z.object({
  ...original,
  ...bundleSchema(PERSON_FIELDS, code).shape,
  /** True where the identity rule kept this person's sealed fields out of the bundle. */
  identityWithheld: z.boolean(),
  fields,
});

export const bundleTransfer = z.object({ fromPlace: code.nullable(), toPlace: code, onDay: day, atTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/).nullable() });

/** A detention's bundled fields (fields/detention.ts), places and provisions by code, with its transfers. */
export const bundleDetention = bundleSchema(DETENTION_FIELDS, code).extend({ transfers: z.array(bundleTransfer).max(1000) });

export const bundleAct = z.object({
  ...original,
  /** The incident and the person by their original ids, within this bundle. */
  ...bundleSchema(ACT_FIELDS, code).shape,
  fields,
  detention: bundleDetention.nullable(),
});

export const bundleInvolvement = z.object({ ...original, ...bundleSchema(INVOLVEMENT_FIELDS, code).shape, fields });

export const bundleSource = z.object({ ...original, ...bundleSchema(SOURCE_FIELDS, code).shape, fields });

const MAX_RECORDS = 50_000;

export const bundleDocument = z
  .object({
    format: z.literal(BUNDLE_FORMAT),
    bundleId: z.uuid(),
    /** The day it was made: a time would say when the team works. */
    exportedOn: day,
    organization: z.object({ name: z.string().min(1).max(200) }),
    registry: z.array(bundleRegistryEntry).max(10_000),
    incidents: z.array(bundleIncident).max(MAX_RECORDS),
    persons: z.array(bundlePerson).max(MAX_RECORDS),
    acts: z.array(bundleAct).max(MAX_RECORDS),
    involvements: z.array(bundleInvolvement).max(MAX_RECORDS),
    sources: z.array(bundleSource).max(MAX_RECORDS),
  })
  .superRefine((doc, ctx) => {
    // Every reference inside the bundle must resolve inside it: the importer never guesses.
    const ids = (list: { originalId: string }[]) => new Set(list.map((r) => r.originalId));
    const [incidents, persons, acts] = [ids(doc.incidents), ids(doc.persons), ids(doc.acts)];
    const codes = new Set(doc.registry.map((r) => `${r.kind}:${r.code}`));
    const bad = (message: string) => ctx.addIssue({ code: 'custom', message });
    const place = (c: string | null) => c === null || codes.has(`place:${c}`) || bad(`unknown place ${c}`);
    for (const i of doc.incidents) i.placeCodes.forEach(place);
    for (const a of doc.acts) {
      if (!incidents.has(a.incident) || !persons.has(a.person)) bad(`act ${a.originalCode} refers outside the bundle`);
      place(a.place);
      if (a.detention) {
        [a.detention.heldAt, a.detention.court, ...a.detention.transfers.flatMap((t) => [t.fromPlace, t.toPlace])].forEach(place);
        if (a.detention.legalProvision !== null && !codes.has(`provision:${a.detention.legalProvision}`)) bad('unknown provision');
      }
    }
    for (const v of doc.involvements) {
      if (!acts.has(v.act)) bad(`involvement ${v.originalCode} refers outside the bundle`);
      if (v.unit !== null && !codes.has(`unit:${v.unit}`)) bad('unknown unit');
    }
    const targets = { incident: incidents, person: persons, act: acts };
    for (const s of doc.sources) if (!targets[s.targetType].has(s.target)) bad(`source ${s.originalCode} refers outside the bundle`);
    const all = [...doc.incidents, ...doc.persons, ...doc.acts, ...doc.involvements, ...doc.sources].map((r) => r.originalId);
    if (new Set(all).size !== all.length) bad('an original id appears twice');
  });
export type BundleDocument = z.infer<typeof bundleDocument>;

export interface BundleCounts {
  incidents: number;
  persons: number;
  acts: number;
  detentions: number;
  involvements: number;
  sources: number;
}

export const countsOf = (doc: BundleDocument): BundleCounts => ({
  incidents: doc.incidents.length,
  persons: doc.persons.length,
  acts: doc.acts.length,
  detentions: doc.acts.filter((a) => a.detention).length,
  involvements: doc.involvements.length,
  sources: doc.sources.length,
});

/** Person fields that never leave in a bundle (fields/person.ts): Vigil never profiles by gender identity. */
export const NEVER_SHARED_PERSON_FIELDS = sealedFields(PERSON_FIELDS).flatMap(([name, f]) => (f.bundled ? [] : [name]));
