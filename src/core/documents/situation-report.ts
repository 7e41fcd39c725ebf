// A situation report as a document: the numbers the server computed as of a moment (never typed
// by a person), labelled in the report's language, the anonymised accounts the coordinator chose
// (people who consented to public use only, names removed), and the team's requests.
import type { Language } from '../i18n/languages.ts';
import { DOCUMENT_LABELS } from './labels.ts';
import { DOCUMENT_FORMAT, heading, note, pairs, paragraph, table, type Block, type Document } from './model.ts';
import type { SituationNumbers } from './situation-numbers.ts';
import { estimateLabels, estimateSentence, formatNumber, type EstimateSentence } from '../estimate/words.ts';

export interface SituationOptions {
  language: Language;
  /** Labels in the report's language for act types, places, units and perpetrator types. */
  actTypeLabel(code: string): string;
  placeLabel(id: string | null): string;
  unitLabel(id: string | null): string;
  perpetratorTypeLabel(key: string): string;
  /** The incidents covered, as the reader should see them (e.g. their codes), empty for all. */
  incidentLabels: string[];
  /** Anonymised accounts, already checked for consent and stripped of names. */
  accounts: string[];
  requests: string;
  /** The estimate of the people not documented, when the coordinator chose to include one (lists named in the report's language). */
  estimate?: EstimateSentence | null;
}

/** '2026-11-25T14:30:00.000Z' → '2026-11-25 14:30 UTC' (a day-only moment stays a day). */
export const momentText = (iso: string): string => (iso.endsWith('T23:59:59.999Z') ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`);

/** The estimate as one sentence with its interval, and what it rests on. */
function estimateBlocks(o: SituationOptions): Block[] {
  if (!o.estimate) return [];
  const E = estimateLabels(o.language);
  return [heading(E.heading, 2), paragraph(estimateSentence(o.language, o.estimate)), note(E.caveat)];
}

export function situationDocument(n: SituationNumbers, o: SituationOptions): Document {
  const all = DOCUMENT_LABELS[o.language];
  const L = all.situation;
  const num = (x: number) => formatNumber(o.language, x);
  const blocks: Block[] = [
    pairs([
      [L.asOf, momentText(n.asOf)],
      [L.period, n.from || n.to ? `${n.from ?? '…'} – ${n.to ?? '…'}` : L.wholePeriod],
      [L.incidents, o.incidentLabels.length ? o.incidentLabels.join(', ') : all.allIncidents],
    ]),
    heading(L.summary),
    paragraph(
      L.summaryText({ acts: n.acts, people: n.people.individuals, incidents: n.incidents, held: n.custody.held, released: n.custody.released, sentenced: n.custody.sentenced, first: n.period.first, last: n.period.last }),
    ),
    ...estimateBlocks(o),
    heading(L.pattern),
    table([L.actType, L.acts, L.people], n.byActType.map((r) => [o.actTypeLabel(r.code), num(r.acts), num(r.people)])),
    heading(L.custody),
    table(
      [L.custody, L.people],
      [
        [L.documented, num(n.people.individuals)],
        [L.detentions, num(n.custody.detentions)],
        [L.held, num(n.custody.held)],
        [L.released, num(n.custody.released)],
        [L.sentenced, num(n.custody.sentenced)],
        [L.fined, num(n.custody.fined)],
      ],
    ),
    ...(n.custody.sentenceDays.length ? [table([L.days, L.people], n.custody.sentenceDays.map((s) => [num(s.days), num(s.people)]), L.sentences)] : []),
    heading(L.where),
    table([L.place, L.acts, L.people], n.byPlace.map((r) => [r.placeId ? o.placeLabel(r.placeId) : L.notRecorded, num(r.acts), num(r.people)])),
    ...(n.heldByPlace.length ? [table([L.place, L.heldHere], n.heldByPlace.map((r) => [r.placeId ? o.placeLabel(r.placeId) : L.notRecorded, num(r.people)]))] : []),
    heading(L.byWhom),
    n.byUnit.length
      ? table([L.unit, L.perpetratorType, L.acts, L.people], n.byUnit.map((r) => [r.unitId ? o.unitLabel(r.unitId) : L.notRecorded, o.perpetratorTypeLabel(r.perpetratorType), num(r.acts), num(r.people)]))
      : paragraph(L.notRecorded),
    ...(o.accounts.length ? [heading(L.accounts), ...o.accounts.flatMap((a, i) => [heading(L.account(i + 1), 2), paragraph(a)])] : []),
    ...(o.requests.trim() ? [heading(L.requests), paragraph(o.requests.trim())] : []),
    heading(L.method),
    note(L.methodText),
  ];
  return {
    format: DOCUMENT_FORMAT,
    language: o.language,
    title: n.organization.name || n.organization.publicTitle,
    subtitle: `${L.title} — ${momentText(n.asOf)}`,
    footer: all.confidential,
    blocks,
  };
}
