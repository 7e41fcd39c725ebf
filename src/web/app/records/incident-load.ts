// Everything an incident's page shows, loaded at once: the incident and its versions, its people
// and what was done to each, each detention, its sources (those about its acts too) and follow-up.
import { api, ApiError } from '../session/api.ts';
import type { Vault } from '../session/vault.ts';
import { actType } from '../../../core/records/vocabulary.ts';
import { openRecord, type RecordView } from './client.ts';
import type { DetentionState } from './DetentionEditor.tsx';
import type { VersionView } from './History.tsx';
import type { InterventionPlain } from './FollowUp.tsx';
import type { SourcePlain } from './source-fields.tsx';

export type ActPlain = { incidentId: string; personId: string; typeCode: string; dateStart: string | null; dateEnd: string | null; dateEndPrecision: string; placeId: string | null };
export type IncidentPlain = { dateStart: string | null; dateStartPrecision: string; dateEnd: string | null; dateEndPrecision: string; monitoringStatus: string; placeIds: string[] };

export interface LoadedIncident {
  incident: RecordView<IncidentPlain>;
  history: VersionView[];
  fields: { title?: string; description?: string } | null;
  acts: RecordView<ActPlain>[];
  persons: Map<string, RecordView>;
  detentions: Map<string, DetentionState>;
  sources: RecordView<SourcePlain>[];
  interventions: RecordView<InterventionPlain>[];
}

export async function loadIncident(vault: Vault, incidentId: string): Promise<LoadedIncident> {
  const { record: incident, history } = await api<{ record: LoadedIncident['incident']; history: VersionView[] }>(`/api/records/incident/${incidentId}`);
  const [{ records: acts }, { records: sources }, { records: interventions }] = await Promise.all([
    api<{ records: RecordView<ActPlain>[] }>(`/api/records/act?incidentId=${incidentId}&limit=1000`),
    api<{ records: LoadedIncident['sources'] }>(`/api/records/source?targetId=${incidentId}&limit=1000`),
    api<{ records: LoadedIncident['interventions'] }>(`/api/records/intervention?incidentId=${incidentId}&limit=1000`),
  ]);
  // Sources about what was done to its people are this incident's sources too.
  const aboutActs = await Promise.all(acts.map((a) => api<{ records: LoadedIncident['sources'] }>(`/api/records/source?targetId=${a.id}&limit=1000`)));
  const allSources = [...sources, ...aboutActs.flatMap((r) => r.records)].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const persons = new Map<string, RecordView>();
  for (const id of new Set(acts.map((a) => a.plain.personId))) persons.set(id, (await api<{ record: RecordView }>(`/api/records/person/${id}`)).record);
  const detentions = new Map<string, DetentionState>();
  for (const act of acts.filter((a) => actType(a.plain.typeCode)?.detention)) {
    try {
      detentions.set(act.id, await api<DetentionState>(`/api/acts/${act.id}/detention`));
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 404)) throw e;
    }
  }
  return { incident, history, fields: await openRecord(vault, 'incident', incident), acts, persons, detentions, sources: allSources, interventions: interventions.reverse() };
}
