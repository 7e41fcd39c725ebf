// An anonymised account for a situation report: what the records say happened to one person who
// consented to public use, with every name the team knows from those incidents taken out.
import { api } from '../session/api.ts';
import type { Vault } from '../session/vault.ts';
import { openRecord, type RecordView } from '../records/client.ts';
import { mayQuotePublicly, redactNames } from '../../../core/documents/consent.ts';
import { AGE_RANGES } from '../../../core/records/vocabulary-words.ts';
import type { Labeller } from './labels.ts';

/** GET /api/documents/people: chosen people with everything recorded about them (src/server/documents/people.ts). */
export interface Bundle {
  organization: string;
  people: RecordView[];
  acts: RecordView[];
  detentions: ({ actId: string } & Record<string, unknown>)[];
  transfers: Record<string, unknown>[];
  involvements: RecordView[];
  interventions: RecordView[];
  incidents: RecordView[];
  others: RecordView[];
}

export const loadBundle = (ids: string[]) => api<Bundle>(`/api/documents/people?ids=${ids.join(',')}`);

type PersonFields = { name?: string; otherNames?: string };

/** Every name the bundle's people go by (the chosen and the others of their incidents). */
export async function namesIn(vault: Vault, bundle: Bundle): Promise<string[]> {
  const opened = await Promise.all([...bundle.people, ...bundle.others].map((p) => openRecord<PersonFields>(vault, 'person', p)));
  return opened.flatMap((f) => [f?.name ?? '', f?.otherNames ?? '']).filter((n) => n.trim());
}

export async function accountOf(vault: Vault, bundle: Bundle, personId: string, label: Labeller, withheld: string): Promise<string> {
  const person = bundle.people.find((p) => p.id === personId);
  // The rule is checked again here, on the record as it is now: no consent to public use, no account.
  if (!person || !mayQuotePublicly({ consentSharing: person.plain.consentSharing })) return '';
  const names = await namesIn(vault, bundle);
  const parts: string[] = [label.term(AGE_RANGES, String(person.plain.ageRange))];
  for (const act of bundle.acts.filter((a) => a.plain.personId === personId)) {
    const fields = await openRecord<{ statedReason?: string; methods?: string; description?: string }>(vault, 'act', act);
    const when = act.plain.dateStart as string | null;
    const where = label.entry(act.plain.placeId as string | null);
    parts.push(
      [`${label.actType(String(act.plain.typeCode))}${when ? `, ${when}` : ''}${where ? `, ${where}` : ''}.`, fields?.statedReason, fields?.methods, fields?.description]
        .filter((s) => s && s.trim())
        .join(' '),
    );
  }
  return redactNames(parts.join('\n'), [{ names, replacement: withheld }]);
}
