// Making a bundle document from the records of chosen incidents, through the same API the
// workspace reads (so the export sees exactly what the exporting member may see), opened with the
// member's keyring. Runs in the browser and, for tests and scripts, in Node: `get` is the only I/O.
// What goes in: each incident, its acts with their people, detentions and transfers, perpetrator
// involvement, and the sources of all of these (grading and description; never the inbox report a
// source may link to). Not follow-up (interventions): that is the exporting team's own work plan.
import { openFields } from '../records/sealing.ts';
import type { SecretPart } from '../records/schemas.ts';
import type { Keyring } from '../keyring.ts';
import { BUNDLE_FORMAT, NEVER_SHARED_PERSON_FIELDS, bundleDocument, type BundleDocument } from './document.ts';
import { DETENTION_FIELDS } from '../records/fields/detention.ts';
import { INCIDENT_FIELDS } from '../records/fields/incident.ts';
import { PERSON_FIELDS } from '../records/fields/person.ts';
import { ACT_FIELDS } from '../records/fields/act.ts';
import { INVOLVEMENT_FIELDS } from '../records/fields/involvement.ts';
import { SOURCE_FIELDS } from '../records/fields/source.ts';
import { fromView, type FieldTable } from '../records/fields/field.ts';
import { toBundle } from '../records/fields/bundle.ts';

type BundleDetention = NonNullable<BundleDocument['acts'][number]['detention']>;
/** A record's bundled plain fields, without its provenance and sealed fields. */
type PlainOf<K extends 'incidents' | 'persons' | 'acts' | 'involvements' | 'sources', Own extends string = never> = Omit<BundleDocument[K][number], 'originalId' | 'originalCode' | 'fields' | Own>;
type Incident = PlainOf<'incidents'>;
type Person = PlainOf<'persons', 'identityWithheld'>;
type Act = PlainOf<'acts', 'detention'>;
type Involvement = PlainOf<'involvements'>;
type Source = PlainOf<'sources'>;

/** GET a path of the organization's API as JSON; null when the answer is 404. */
export type ApiGet = (path: string) => Promise<unknown>;

interface View<P = Record<string, unknown>> {
  id: string;
  code: string;
  plain: P;
  secret: SecretPart;
}
interface RegistryRow {
  id: string;
  kind: 'place' | 'unit' | 'provision' | 'act-type';
  code: string;
  labels: { en: string; az: string; ru: string };
  placeKind: string | null;
  appealDays: number | null;
}
type Plain = Record<string, any>;
/** What all of a person's records, merged ones included, allow together. */
type Consent = Pick<BundleDocument['persons'][number], 'consentSharing' | 'namePreference'>;

async function all(get: ApiGet, path: string): Promise<View<Plain>[]> {
  const out: View<Plain>[] = [];
  let before: number | null = null;
  do {
    const page = (await get(`${path}&limit=1000${before ? `&before=${before}` : ''}`)) as { records: View<Plain>[]; next: number | null };
    out.push(...page.records);
    before = page.next;
  } while (before);
  return out.reverse(); // oldest first, as they were recorded
}

export interface CollectOptions {
  incidentIds: string[];
  organization: string;
  /** The day of export, YYYY-MM-DD (defaults to today, UTC). */
  today?: string;
  bundleId?: string;
}

export async function collectBundle(get: ApiGet, keyring: Keyring, options: CollectOptions): Promise<BundleDocument> {
  const { entries } = (await get('/api/registry')) as { entries: RegistryRow[] };
  const bundle = new Collection(get, keyring, entries, {
    format: BUNDLE_FORMAT,
    bundleId: options.bundleId ?? crypto.randomUUID(),
    exportedOn: options.today ?? new Date().toISOString().slice(0, 10),
    organization: { name: options.organization },
    registry: [],
    incidents: [],
    persons: [],
    acts: [],
    involvements: [],
    sources: [],
  });
  for (const incidentId of options.incidentIds) await bundle.addIncident(incidentId);
  await bundle.addSources();
  return bundleDocument.parse(bundle.finished());
}

/** A bundle being collected: what is in it so far, and the registry entries its records name. */
class Collection {
  private readonly registryById: Map<string, RegistryRow>;
  private readonly used = new Map<string, RegistryRow>();
  private readonly persons = new Set<string>();
  private readonly withheldPersons = new Set<string>();
  private readonly sourcesOf: { type: 'incident' | 'person' | 'act'; id: string }[] = [];

  constructor(
    private readonly get: ApiGet,
    private readonly keyring: Keyring,
    private readonly entries: RegistryRow[],
    private readonly doc: BundleDocument,
  ) {
    this.registryById = new Map(entries.map((e) => [e.id, e]));
  }

  /** A registry id → its code, and the entry goes into the bundle. */
  private codeOf = (id: string | null | undefined): string | null => {
    if (!id) return null;
    const entry = this.registryById.get(id);
    if (!entry) throw new Error('a record refers to a registry entry that does not exist');
    this.used.set(entry.id, entry);
    return entry.code;
  };

  private open = (type: string, r: View<Plain>) => openFields(r.secret, type, r.id, this.keyring);

  /** A record's bundled plain fields, as its type's field table carries them (registry entries by code). */
  private bundled = <T>(table: FieldTable, plain: Plain) => toBundle(table, fromView(table, plain), this.codeOf) as T;

  async addIncident(incidentId: string): Promise<void> {
    const { record: incident } = (await this.get(`/api/records/incident/${incidentId}`)) as { record: View<Plain> };
    this.doc.incidents.push({
      originalId: incident.id,
      originalCode: incident.code,
      ...this.bundled<Incident>(INCIDENT_FIELDS, incident.plain),
      fields: await this.open('incident', incident),
    });
    this.sourcesOf.push({ type: 'incident', id: incident.id });
    for (const act of await all(this.get, `/api/records/act?incidentId=${incident.id}`)) {
      const personId = act.plain.personId as string;
      if (!this.persons.has(personId)) await this.addPerson(personId);
      await this.addAct(act);
    }
  }

  private async addPerson(personId: string): Promise<void> {
    this.persons.add(personId);
    const { record: person } = (await this.get(`/api/records/person/${personId}`)) as { record: View<Plain> & { effectiveConsent?: Consent } };
    // Records merged into this person (issue 11) keep the consents they were given with: what
    // goes is what the most careful of them allows, as the server works it out.
    const consent = person.effectiveConsent;
    if (!consent) throw new Error('the server did not say what the person’s records allow to share');
    // The identity rule: without consent to share, a person travels as their plain facts only.
    const withheld = consent.consentSharing === 'none';
    if (withheld) this.withheldPersons.add(person.id);
    const fields = withheld ? {} : await this.open('person', person);
    for (const never of NEVER_SHARED_PERSON_FIELDS) delete fields[never];
    this.doc.persons.push({
      originalId: person.id,
      originalCode: person.code,
      ...this.bundled<Person>(PERSON_FIELDS, { ...person.plain, ...consent }),
      identityWithheld: withheld,
      fields,
    });
    this.sourcesOf.push({ type: 'person', id: person.id });
  }

  private async addAct(act: View<Plain>): Promise<void> {
    const found = (await this.get(`/api/acts/${act.id}/detention`)) as { detention: Plain; transfers: Plain[] } | null;
    const localType = this.entries.find((e) => e.kind === 'act-type' && e.code === act.plain.typeCode);
    if (localType) this.used.set(localType.id, localType);
    this.doc.acts.push({
      originalId: act.id,
      originalCode: act.code,
      ...this.bundled<Act>(ACT_FIELDS, act.plain),
      fields: await this.open('act', act),
      detention: found ? this.detention(found) : null,
    });
    this.sourcesOf.push({ type: 'act', id: act.id });
    for (const v of await all(this.get, `/api/records/involvement?actId=${act.id}`)) {
      this.doc.involvements.push({ originalId: v.id, originalCode: v.code, ...this.bundled<Involvement>(INVOLVEMENT_FIELDS, v.plain), fields: await this.open('involvement', v) });
    }
  }

  /** A detention as its field table bundles it (fields/detention.ts), with its transfers. */
  private detention({ detention, transfers }: { detention: Plain; transfers: Plain[] }): BundleDetention {
    return {
      ...(toBundle(DETENTION_FIELDS, detention, this.codeOf) as Omit<BundleDetention, 'transfers'>),
      transfers: transfers.map((t) => ({ fromPlace: this.codeOf(t.fromPlaceId), toPlace: this.codeOf(t.toPlaceId)!, onDay: t.onDay, atTime: t.atTime ?? null })),
    };
  }

  /** The sources of every record in the bundle, each once. */
  async addSources(): Promise<void> {
    const seen = new Set<string>();
    for (const target of this.sourcesOf) {
      for (const s of await all(this.get, `/api/records/source?targetId=${target.id}`)) {
        if (seen.has(s.id)) continue;
        seen.add(s.id);
        this.doc.sources.push({
          originalId: s.id,
          originalCode: s.code,
          ...this.bundled<Source>(SOURCE_FIELDS, s.plain),
          // Who told what about a person without consent to share could name them: grading only.
          fields: this.withheldPersons.has(target.id) ? {} : await this.open('source', s),
        });
      }
    }
  }

  finished(): BundleDocument {
    this.doc.registry = [...this.used.values()].map(({ kind, code, labels, placeKind, appealDays }) => ({ kind, code, labels, placeKind: placeKind as never, appealDays }));
    return this.doc;
  }
}
