// Everything a person's page shows, loaded at once: the person and their versions, their acts with
// each detention and its transfers, how many independent sources speak of them, the incidents
// naming them, and where the record stands among merges.
import { api, ApiError } from '../session/api.ts';
import type { Vault } from '../session/vault.ts';
import { actType } from '../../../core/records/vocabulary.ts';
import { openRecord, type RecordView } from './client.ts';
import type { VersionView } from './History.tsx';
import { canLink } from '../linkage/linker.ts';
import { loadDecisions } from '../linkage/decisions-client.ts';
import type { TimelineDetention } from './timeline.ts';

export type PersonPlain = { mergedInto?: string | null; countingUnit: string; groupSize: number | null; ageRange: string; consentSharing: string; namePreference: string; reprisalRisk: string; consentRecordedAt: string | null };
type ActPlain = { incidentId: string; typeCode: string; dateStart: string | null };
export type PersonFields = { name?: string; contacts?: string; birthYear?: number | string | null };

export interface LoadedPerson {
  person: RecordView<PersonPlain>;
  history: VersionView[];
  sources: number;
  fields: PersonFields | null;
  acts: RecordView<ActPlain>[];
  detentions: Map<string, TimelineDetention>;
  transfers: Map<string, { toPlaceId: string; onDay: string; atTime: string | null }[]>;
  /** The incidents naming this person: code and (where it opens) title, for their links. */
  incidents: { id: string; code: string; title: string | null }[];
  /** The person this record was merged into, and the records merged into this one (issue 11). */
  mergedInto: { id: string; code: string } | null;
  alsoRecordedAs: { id: string; code: string }[];
}

/** Where this record stands among merges: merged into someone, or others merged into it. */
async function mergesOf(vault: Vault, person: RecordView<PersonPlain>): Promise<Pick<LoadedPerson, 'mergedInto' | 'alsoRecordedAs'>> {
  const into = person.plain.mergedInto;
  const mergedInto = into ? { id: into, code: (await api<{ record: RecordView }>(`/api/records/person/${into}`)).record.code } : null;
  // Decisions are for members who review duplicates (they read names); others see the merge only.
  const decisions = canLink(vault) ? await loadDecisions() : { merges: [] };
  const alsoRecordedAs = decisions.merges.filter((m) => m.survivorId === person.id && !m.undone && m.mergedCode).map((m) => ({ id: m.mergedId, code: m.mergedCode! }));
  return { mergedInto, alsoRecordedAs };
}

export async function loadPerson(vault: Vault, personId: string): Promise<LoadedPerson> {
  const { record: person, history } = await api<{ record: RecordView<PersonPlain>; history: VersionView[] }>(`/api/records/person/${personId}`);
  const [{ records: acts }, { records: sources }] = await Promise.all([
    api<{ records: RecordView<ActPlain>[] }>(`/api/records/act?personId=${personId}&limit=1000`),
    api<{ records: RecordView<{ reportId: string | null }>[] }>(`/api/records/source?targetId=${personId}&limit=1000`),
  ]);
  const detentions = new Map<string, TimelineDetention>();
  const transfers = new Map<string, { toPlaceId: string; onDay: string; atTime: string | null }[]>();
  for (const act of acts.filter((a) => actType(a.plain.typeCode)?.detention)) {
    try {
      const d = await api<{ detention: TimelineDetention; transfers: { toPlaceId: string; onDay: string; atTime: string | null }[] }>(`/api/acts/${act.id}/detention`);
      detentions.set(act.id, d.detention);
      transfers.set(act.id, d.transfers);
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 404)) throw e;
    }
  }
  const independent = new Set(sources.map((s) => s.plain.reportId ?? s.id)).size;
  const incidents = await incidentsOf(vault, acts);
  return { person, history, sources: independent, fields: await openRecord(vault, 'person', person), acts, detentions, transfers, incidents, ...(await mergesOf(vault, person)) };
}

/** The incidents the person's acts are in, each with its code and title (opened here). */
async function incidentsOf(vault: Vault, acts: RecordView<ActPlain>[]): Promise<LoadedPerson['incidents']> {
  const ids = [...new Set(acts.map((a) => a.plain.incidentId))];
  return Promise.all(
    ids.map(async (id) => {
      const { record } = await api<{ record: RecordView }>(`/api/records/incident/${id}`);
      const fields = await openRecord<{ title?: string }>(vault, 'incident', record);
      return { id, code: record.code, title: fields?.title ?? null };
    }),
  );
}
