// A communication to the UN Special Procedures — an urgent appeal (someone still held, or harm
// imminent) or an allegation letter (past violations) — as structured JSON with a versioned
// schema (docs/un-communication.md), and as a document. Every element OHCHR asks for is here:
// submitter (confidential), victims, dates and places, circumstances, alleged perpetrators,
// domestic remedies, what is confidential, consent. Names follow the consent rule (consent.ts).
import * as z from 'zod';
import { LANGUAGES } from '../i18n/languages.ts';
import { isDay } from '../records/custody.ts';
import { DOCUMENT_LABELS } from './labels.ts';
import { DOCUMENT_FORMAT, heading, list, note, pairs, paragraph, table, type Block, type Document } from './model.ts';

export const UN_COMMUNICATION_FORMAT = 'vigil/un-communication/v1' as const;
export const COMMUNICATION_KINDS = ['urgent-appeal', 'allegation-letter'] as const;
export type CommunicationKind = (typeof COMMUNICATION_KINDS)[number];

/** A coded value and its label in the communication's language. */
const coded = z.object({ code: z.string().max(40), label: z.string().max(300) });
const text = (max: number) => z.string().max(max);
const day = z.string().refine(isDay);

const detention = z.object({
  status: coded,
  custodyStart: day.nullable(),
  heldAt: text(300).nullable(),
  legalBasis: text(300).nullable(),
  decision: coded,
  decisionDate: day.nullable(),
  days: z.number().int().nullable(),
  expectedRelease: day.nullable(),
  releasedOn: day.nullable(),
  lawyer: coded,
  family: coded,
  transfers: z.array(z.object({ onDay: day, to: text(300) })),
});

const act = z.object({
  type: coded,
  date: z.object({ date: z.string().max(10).nullable(), precision: z.enum(['day', 'month', 'year', 'unknown']) }),
  place: text(300).nullable(),
  statedReason: text(5000),
  methods: text(5000),
  detention: detention.nullable(),
  perpetrators: z.array(z.object({ unit: text(300).nullable(), type: coded, degree: coded, officers: text(2000) })),
});

const victim = z.object({
  ref: text(60),
  naming: z.enum(['name', 'initials', 'anonymous']),
  /** The name as consent allows (full or initials); null when anonymous. */
  name: text(300).nullable(),
  group: z.number().int().min(2).nullable(),
  ageRange: coded,
  residence: text(300).nullable(),
  inCustody: z.boolean(),
  consent: z.object({ sharing: z.enum(['un', 'public']), recordedOn: day.nullable() }),
  reprisalRisk: coded,
  acts: z.array(act),
  steps: z.array(z.object({ type: coded, status: coded, onDay: day.nullable() })),
});

export const unCommunication = z.object({
  format: z.literal(UN_COMMUNICATION_FORMAT),
  kind: z.enum(COMMUNICATION_KINDS),
  language: z.enum(LANGUAGES),
  preparedOn: day,
  addressedTo: z.array(text(300)).min(1),
  submitter: z.object({ organization: text(300), contact: text(1000), confidential: z.literal(true) }),
  victims: z.array(victim),
  /** People concerned who did not consent to be named: counted, nothing else about them. */
  unnamed: z.object({ count: z.number().int().min(0), statement: text(500) }),
  circumstances: text(50_000),
  domesticRemedies: text(20_000),
  confidential: z.array(text(2000)),
  requests: text(20_000),
});
export type UnCommunication = z.infer<typeof unCommunication>;
export type Victim = UnCommunication['victims'][number];

/** Someone still held (or missing) makes it urgent; otherwise the violations are past. */
export const suggestedKind = (anyoneInCustody: boolean): CommunicationKind => (anyoneInCustody ? 'urgent-appeal' : 'allegation-letter');

/**
 * Follow-up deadlines when a communication is sent. Communications ask the State to reply within
 * 60 days (OHCHR practice; the communication and any reply are published after that), so an
 * allegation letter is followed up then. An urgent appeal concerns someone held now — sentences
 * here run up to 30 days — so the team checks after a week whether the mandate acted.
 */
export const FOLLOW_UP_DAYS: Record<CommunicationKind, number> = { 'urgent-appeal': 7, 'allegation-letter': 60 };

const dateText = (d: { date: string | null; precision: string }, unknown: string) => d.date ?? unknown;

function victimBlocks(v: Victim, c: UnCommunication): Block[] {
  const L = DOCUMENT_LABELS[c.language].un;
  const common = DOCUMENT_LABELS[c.language];
  const who = v.name ?? L.nameWithheld;
  const blocks: Block[] = [
    heading(`${v.ref}: ${who}`, 2),
    pairs([
      [L.name, v.group ? `${who} (${L.group(v.group)})` : who],
      [L.age, v.ageRange.label],
      [L.residence, v.residence || common.unknown],
      [L.inCustody, v.inCustody ? common.yes : common.no],
      [L.reprisal, v.reprisalRisk.label],
    ]),
  ];
  return blocks;
}

function actRows(c: UnCommunication): string[][] {
  const unknown = DOCUMENT_LABELS[c.language].unknown;
  return c.victims.flatMap((v) => v.acts.map((a) => [v.ref, dateText(a.date, unknown), a.type.label, a.place ?? unknown]));
}

function circumstanceBlocks(c: UnCommunication): Block[] {
  const L = DOCUMENT_LABELS[c.language].un;
  const out: Block[] = [];
  if (c.circumstances.trim()) out.push(paragraph(c.circumstances.trim()));
  for (const v of c.victims) {
    for (const a of v.acts) {
      const lines: [string, string][] = [];
      if (a.statedReason) lines.push([L.statedReason, a.statedReason]);
      if (a.methods) lines.push([L.methods, a.methods]);
      const d = a.detention;
      if (d) {
        lines.push([L.detention, d.status.label]);
        if (d.custodyStart) lines.push([L.custodyStart, d.custodyStart]);
        if (d.heldAt) lines.push([L.heldAt, d.heldAt]);
        if (d.transfers.length) lines.push([L.transfers, d.transfers.map((t) => `${t.onDay}: ${t.to}`).join('; ')]);
        if (d.legalBasis) lines.push([L.legalBasis, d.legalBasis]);
        lines.push([L.decision, d.days ? `${d.decision.label} (${d.days})` : d.decision.label]);
        if (d.decisionDate) lines.push([L.decisionDate, d.decisionDate]);
        if (d.expectedRelease) lines.push([L.expectedRelease, d.expectedRelease]);
        if (d.releasedOn) lines.push([L.releasedOn, d.releasedOn]);
        lines.push([L.lawyer, d.lawyer.label]);
        lines.push([L.family, d.family.label]);
      }
      if (lines.length) out.push(heading(`${v.ref} — ${a.type.label}`, 2), pairs(lines));
    }
  }
  return out;
}

export function communicationDocument(c: UnCommunication): Document {
  const L = DOCUMENT_LABELS[c.language].un;
  const common = DOCUMENT_LABELS[c.language];
  const perpetrators = c.victims.flatMap((v) => v.acts.flatMap((a) => a.perpetrators.map((p) => [v.ref, a.type.label, p.unit ?? common.unknown, `${p.type.label}; ${p.degree.label}`, p.officers])));
  const steps = c.victims.flatMap((v) => v.steps.map((s) => [v.ref, s.type.label, s.status.label, s.onDay ?? '']));
  const blocks: Block[] = [
    pairs([
      [L.to, c.addressedTo.join('; ')],
      [L.preparedOn, c.preparedOn],
    ]),
    heading(L.submitter),
    pairs([
      [L.organization, c.submitter.organization],
      [L.contact, c.submitter.contact],
    ]),
    note(L.submitterConfidential),
    heading(L.victims),
    ...c.victims.flatMap((v) => victimBlocks(v, c)),
    ...(c.unnamed.count > 0 ? [note(c.unnamed.statement)] : []),
    heading(L.datesPlaces),
    table([L.victimCol, L.date, L.act, L.placeCol], actRows(c)),
    heading(L.circumstances),
    ...circumstanceBlocks(c),
    heading(L.perpetrators),
    ...(perpetrators.length ? [table([L.victimCol, L.act, common.situation.unit, common.situation.perpetratorType, L.perpetratorNames], perpetrators)] : [paragraph(common.unknown)]),
    heading(L.domestic),
    ...(c.domesticRemedies.trim() ? [paragraph(c.domesticRemedies.trim())] : []),
    ...(steps.length ? [table([L.victimCol, L.step, L.status, L.date], steps)] : c.domesticRemedies.trim() ? [] : [paragraph(L.noSteps)]),
    heading(L.confidentialInfo),
    list([L.submitterConfidential, ...c.confidential.filter((x) => x.trim())]),
    heading(L.consent),
    list(c.victims.map((v) => L.consentText(v.ref, v.consent.sharing, v.consent.recordedOn))),
    ...(c.unnamed.count > 0 ? [paragraph(c.unnamed.statement)] : []),
    ...(c.requests.trim() ? [heading(L.requests), paragraph(c.requests.trim())] : []),
  ];
  return {
    format: DOCUMENT_FORMAT,
    language: c.language,
    title: c.submitter.organization,
    subtitle: `${c.kind === 'urgent-appeal' ? L.urgentAppeal : L.allegationLetter} — ${c.preparedOn}`,
    footer: common.confidential,
    blocks,
  };
}
