// A UN communication drafted from the records of the chosen people, opened in this browser. The
// consent rule (core/documents/consent.ts) decides who is named and how; everyone else is only
// counted. Every free text that goes in — the team's and the records' — has the names of people
// not named as themselves replaced (initials, "Victim 2", or "[name withheld]").
import type { Vault } from '../session/vault.ts';
import { openRecord, type RecordView, type RegistryEntry } from '../records/client.ts';
import { redactNames, shownName, unNaming, type UnNaming } from '../../../core/documents/consent.ts';
import { DOCUMENT_LABELS } from '../../../core/documents/labels.ts';
import { UN_COMMUNICATION_FORMAT, unCommunication, type CommunicationKind, type UnCommunication, type Victim } from '../../../core/documents/un-communication.ts';
import { type Term } from '../../../core/records/term.ts';
import { AGE_RANGES, DECISIONS, DETENTION_STATUSES, FAMILY_ACCESS, INTERVENTION_STATUSES, INTERVENTION_TYPES, INVOLVEMENT_DEGREES, IN_CUSTODY, LAWYER_ACCESS, PERPETRATOR_TYPES, RISK_LEVELS } from '../../../core/records/vocabulary-words.ts';
import type { Language } from '../../../core/i18n/languages.ts';
import type { Bundle } from './accounts.ts';
import { labeller, type Labeller } from './labels.ts';
import { translator } from '../../../core/i18n/message.ts';
import { documentTextWords } from './words.ts';

/** What replaces a name not to be shown, in the document's language. */
const withheld = (language: Language) => translator(documentTextWords, language)('nameWithheld');

type PersonFields = { name?: string; otherNames?: string; residence?: string };
type ActFields = { statedReason?: string; methods?: string; description?: string };

export interface Opened {
  people: Map<string, PersonFields | null>;
  acts: Map<string, ActFields | null>;
  involvements: Map<string, { officers?: string } | null>;
  incidents: Map<string, { title?: string; description?: string } | null>;
}

export async function openBundle(vault: Vault, bundle: Bundle): Promise<Opened> {
  const open = async <F>(type: 'person' | 'act' | 'involvement' | 'incident', records: RecordView[]) =>
    new Map(await Promise.all(records.map(async (r) => [r.id, await openRecord<F>(vault, type, r)] as const)));
  return {
    people: await open<PersonFields>('person', [...bundle.people, ...bundle.others]),
    acts: await open<ActFields>('act', bundle.acts),
    involvements: await open<{ officers?: string }>('involvement', bundle.involvements),
    incidents: await open<{ title?: string; description?: string }>('incident', bundle.incidents),
  };
}

const inCustody = (status: unknown) => (IN_CUSTODY as readonly string[]).includes(String(status));

/** Anyone chosen still held (or missing) now. */
export const anyoneHeld = (bundle: Bundle) => bundle.detentions.some((d) => inCustody(d.status));

/** Victim refs ("Victim 1"…) for the people who are described, in the order chosen. */
function refs(bundle: Bundle, language: Language): Map<string, string> {
  const L = DOCUMENT_LABELS[language].un;
  const described = bundle.people.filter((p) => unNaming(p.plain) !== 'excluded');
  return new Map(described.map((p, i) => [p.id, L.victim(i + 1)]));
}

/** How each known name is replaced in free text: only people named in full keep their name. */
export function redactor(bundle: Bundle, opened: Opened, language: Language): (text: string) => string {
  const refOf = refs(bundle, language);
  const rules: { names: string[]; replacement: string }[] = [];
  for (const person of [...bundle.people, ...bundle.others]) {
    const fields = opened.people.get(person.id);
    const names = [fields?.name ?? '', fields?.otherNames ?? ''].filter((n) => n.trim());
    if (!names.length) continue;
    const chosen = bundle.people.some((p) => p.id === person.id);
    const naming = chosen ? unNaming(person.plain) : 'excluded';
    if (naming === 'name') continue;
    const replacement = naming === 'initials' ? (shownName(fields?.name, 'initials') ?? withheld(language)) : naming === 'anonymous' ? refOf.get(person.id)! : withheld(language);
    rules.push({ names, replacement });
  }
  return (text) => redactNames(text, rules);
}

/** What the incidents' descriptions say, names replaced: a first draft of the circumstances. */
export function circumstancesDraft(bundle: Bundle, opened: Opened, language: Language): string {
  const redact = redactor(bundle, opened, language);
  return bundle.incidents
    .map((i) => opened.incidents.get(i.id)?.description?.trim() ?? '')
    .filter(Boolean)
    .map(redact)
    .join('\n\n');
}

export interface DraftOptions {
  kind: CommunicationKind;
  language: Language;
  preparedOn: string;
  organization: string;
  contact: string;
  addressedTo: string[];
  circumstances: string;
  domesticRemedies: string;
  confidential: string[];
  requests: string;
}

type VictimAct = Victim['acts'][number];
type Detention = Bundle['detentions'][number];

/** What every part of a communication is drafted with: the records, labels in its language, the names redacted. */
interface Drafting {
  bundle: Bundle;
  opened: Opened;
  label: Labeller;
  redact: (text: string) => string;
}

/** A coded value with its label in the document's language. */
const coded = (x: Drafting, terms: readonly Term[], key: unknown) => ({ code: String(key ?? ''), label: x.label.term(terms, String(key ?? '')) });

function detentionOf(x: Drafting, d: Detention, actId: string): NonNullable<VictimAct['detention']> {
  const { label } = x;
  return {
    status: coded(x, DETENTION_STATUSES, d.status),
    custodyStart: (d.custodyStart as string | null) ?? null,
    heldAt: d.heldAt ? label.entry(d.heldAt as string) : null,
    legalBasis: d.legalProvisionId ? label.entry(d.legalProvisionId as string) : null,
    decision: coded(x, DECISIONS, d.decision),
    decisionDate: (d.decisionDate as string | null) ?? null,
    days: (d.detentionDays as number | null) ?? null,
    expectedRelease: (d.expectedRelease as string | null) ?? null,
    releasedOn: (d.releasedOn as string | null) ?? null,
    lawyer: coded(x, LAWYER_ACCESS, d.lawyerAccess),
    family: coded(x, FAMILY_ACCESS, d.familyAccess),
    transfers: x.bundle.transfers.filter((t) => t.actId === actId).map((t) => ({ onDay: String(t.onDay), to: label.entry(t.toPlaceId as string) })),
  };
}

function actOf(x: Drafting, a: RecordView): VictimAct {
  const { bundle, label, redact } = x;
  const f = x.opened.acts.get(a.id);
  const d = bundle.detentions.find((y) => y.actId === a.id);
  const start = { date: (a.plain.dateStart as string | null) ?? null, precision: a.plain.dateStartPrecision as 'day' | 'month' | 'year' | 'unknown' };
  return {
    type: { code: String(a.plain.typeCode), label: label.actType(String(a.plain.typeCode)) },
    date: start,
    place: (a.plain.placeId as string | null) ? label.entry(a.plain.placeId as string) : null,
    statedReason: redact(f?.statedReason?.trim() ?? ''),
    methods: redact([f?.methods, f?.description].filter((s) => s?.trim()).join(' ')),
    detention: d ? detentionOf(x, d, a.id) : null,
    perpetrators: bundle.involvements
      .filter((v) => v.plain.actId === a.id)
      .map((v) => ({
        unit: v.plain.unitId ? label.entry(v.plain.unitId as string) : null,
        type: coded(x, PERPETRATOR_TYPES, v.plain.perpetratorType),
        degree: coded(x, INVOLVEMENT_DEGREES, v.plain.degree),
        officers: x.opened.involvements.get(v.id)?.officers?.trim() ?? '',
      })),
  };
}

/** One person described: named as their consent allows, with their acts and the steps taken. */
function victimOf(x: Drafting, person: RecordView, ref: string, naming: Exclude<UnNaming, 'excluded'>, size: number): Victim {
  const { bundle, redact } = x;
  const p = person.plain;
  const fields = x.opened.people.get(person.id);
  const acts = bundle.acts.filter((a) => a.plain.personId === person.id);
  const actIds = new Set(acts.map((a) => a.id));
  return {
    ref,
    naming,
    name: shownName(fields?.name, naming),
    group: p.countingUnit === 'group' ? size : null,
    ageRange: coded(x, AGE_RANGES, p.ageRange),
    residence: fields?.residence?.trim() ? redact(fields.residence.trim()) : null,
    inCustody: bundle.detentions.some((d) => actIds.has(d.actId) && inCustody(d.status)),
    consent: { sharing: p.consentSharing as 'un' | 'public', recordedOn: typeof p.consentRecordedAt === 'string' ? p.consentRecordedAt.slice(0, 10) : null },
    reprisalRisk: coded(x, RISK_LEVELS, p.reprisalRisk),
    acts: acts.map((a) => actOf(x, a)),
    steps: bundle.interventions
      .filter((i) => i.plain.personId === person.id || actIds.has(String(i.plain.actId)))
      .map((i) => ({ type: coded(x, INTERVENTION_TYPES, i.plain.type), status: coded(x, INTERVENTION_STATUSES, i.plain.status), onDay: (i.plain.onDay as string | null) ?? null })),
  };
}

export function buildCommunication(bundle: Bundle, opened: Opened, entries: RegistryEntry[], o: DraftOptions): UnCommunication {
  const x: Drafting = { bundle, opened, label: labeller(entries, o.language), redact: redactor(bundle, opened, o.language) };
  const refOf = refs(bundle, o.language);
  const victims: Victim[] = [];
  let unnamed = 0;
  for (const person of bundle.people) {
    const naming = unNaming(person.plain);
    const size = person.plain.countingUnit === 'group' ? Number(person.plain.groupSize ?? 1) : 1;
    // THE CONSENT RULE: no consent to share with UN bodies, nothing but a number.
    if (naming === 'excluded') unnamed += size;
    else victims.push(victimOf(x, person, refOf.get(person.id)!, naming, size));
  }
  const { redact } = x;
  // Checked against the published schema before anyone sees it.
  return unCommunication.parse({
    format: UN_COMMUNICATION_FORMAT,
    kind: o.kind,
    language: o.language,
    preparedOn: o.preparedOn,
    addressedTo: o.addressedTo.length ? o.addressedTo : [DOCUMENT_LABELS[o.language].un.defaultAddressee],
    submitter: { organization: o.organization, contact: o.contact, confidential: true },
    victims,
    unnamed: { count: unnamed, statement: unnamed ? DOCUMENT_LABELS[o.language].un.unnamed(unnamed) : '' },
    circumstances: redact(o.circumstances),
    domesticRemedies: redact(o.domesticRemedies),
    confidential: o.confidential.map(redact),
    requests: redact(o.requests),
  } satisfies UnCommunication);
}
