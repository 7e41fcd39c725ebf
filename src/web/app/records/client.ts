// Records from the workspace's side: fields are sealed here before anything is sent, and opened
// here after it arrives (src/core/records/sealing.ts). The records key comes from GET /api/keys and
// is checked against the keyring (org-key.ts); the registry is fetched once per session.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../session/api.ts';
import type { Forgettable, Vault } from '../session/vault.ts';
import { openFields } from '../../../core/records/sealing.ts';
import { sealAgain, sealNew } from '../session/sealing.ts';
import type { RecordType, SecretPart } from '../../../core/records/schemas.ts';
import { actType } from '../../../core/records/vocabulary.ts';
import { type Labels } from '../../../core/records/term.ts';
import type { RegistryEntry } from '../../../core/api/registry.ts';
import type { Language } from '../../../core/i18n/languages.ts';
import { translator } from '../../../core/i18n/message.ts';
import { currentLanguage } from '../i18n/language.ts';
import { recordsWords } from './words.ts';

export interface RecordView<P = Record<string, unknown>> {
  id: string;
  code: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  plain: P;
  secret: SecretPart;
}

export type { RegistryEntry };

/** Creates a record: a new record key sealed to the records key, the fields sealed under it. */
export async function createRecord(vault: Vault, type: RecordType, plain: Record<string, unknown>, fields: Record<string, unknown>): Promise<{ id: string; code: string; version: number }> {
  const id = crypto.randomUUID();
  return api(`/api/records/${type}`, { id, record: { ...plain, secret: await sealNew(vault, type, id, fields) } });
}

/** Changes a record from the version it was read at; the record keeps its key unless the records key rotated since (sealAgain). */
export async function updateRecord(vault: Vault, type: RecordType, record: RecordView, plain: Record<string, unknown>, fields: Record<string, unknown>): Promise<{ version: number }> {
  return api(`/api/records/${type}/${record.id}`, { version: record.version, record: { ...plain, secret: await sealAgain(vault, type, record.id, record.secret, fields) } });
}

/** The sealed fields, or null where this member holds no records key (viewers) or they do not open. */
export async function openRecord<F = Record<string, unknown>>(vault: Vault, type: RecordType, record: RecordView): Promise<F | null> {
  try {
    return await openFields<F>(record.secret, type, record.id, vault.keyring);
  } catch {
    return null;
  }
}

/** Opens the sealed fields of many records; re-renders when they are in. */
export function useOpened<F>(vault: Vault, type: RecordType, records: RecordView[]): Map<string, F | null> {
  const [opened, setOpened] = useState(new Map<string, F | null>());
  const ids = records.map((r) => `${r.id}@${r.version}`).join();
  useEffect(() => {
    let live = true;
    void Promise.all(records.map(async (r) => [r.id, await openRecord<F>(vault, type, r)] as const)).then((pairs) => live && setOpened(new Map(pairs)));
    return () => {
      live = false;
    };
  }, [ids]);
  return opened;
}

/** The incidents a filter may choose from (the latest thousand), their titles opened here. */
export function useIncidents(vault: Vault): { incidents: RecordView[]; titles: Map<string, { title?: string } | null> } {
  const [incidents, setIncidents] = useState<RecordView[]>([]);
  useEffect(() => {
    api<{ records: RecordView[] }>('/api/records/incident?limit=1000').then((r) => setIncidents(r.records), () => setIncidents([]));
  }, []);
  return { incidents, titles: useOpened<{ title?: string }>(vault, 'incident', incidents) };
}

/** The registries, fetched once per session and shared by every page (forgotten on lock). */
class RegistryCache implements Forgettable {
  private entries: Promise<RegistryEntry[]> | null = null;
  get(): Promise<RegistryEntry[]> {
    if (!this.entries) {
      this.entries = api<{ entries: RegistryEntry[] }>('/api/registry').then((r) => r.entries);
      this.entries.catch(() => (this.entries = null));
    }
    return this.entries;
  }
  forget(): void {
    this.entries = null;
  }
}

const registryCache = (vault: Vault) => vault.hold('registry', () => new RegistryCache());

/** The registries outside a component (e.g. to name places for linkage). */
export const registryEntries = (vault: Vault): Promise<RegistryEntry[]> => registryCache(vault).get();

/** The registries; `reload()` after adding an entry (it resolves when the new list is in). */
export function useRegistry(vault: Vault): { entries: RegistryEntry[]; reload: () => Promise<void> } {
  const cache = registryCache(vault);
  const [entries, setEntries] = useState<RegistryEntry[]>([]);
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    cache.get().then((e) => live && setEntries(e), () => live && setEntries([]));
    return () => {
      live = false;
    };
  }, [round]);
  return {
    entries,
    reload: async () => {
      cache.forget();
      setRound((n) => n + 1);
      await cache.get().catch(() => undefined);
    },
  };
}

/** An entry's name in the member's language (or the one given). */
/** A registry entry's name in the language, else in English (a team may not have named it in every language). */
export const entryLabel = (entry: Pick<RegistryEntry, 'labels'>, language: Language): string => entry.labels[language] || entry.labels.en;
export const labelOf = (entries: RegistryEntry[], id: string | null | undefined, language: Language = currentLanguage()): string =>
  id ? (entries.find((e) => e.id === id)?.labels[language] ?? translator(recordsWords, language)('unknownPlace')) : '';

/**
 * The entries of a kind offered for a record: none retired, but the one it already names (`keep`,
 * an id or an act type's code). A filter (`all`) offers the retired too: old records name them.
 */
export const offeredEntries = (entries: RegistryEntry[], kind: RegistryEntry['kind'], keep?: string | null, all = false): RegistryEntry[] =>
  entries.filter((e) => e.kind === kind && (all || e.retiredAt === null || e.id === keep || e.code === keep));

/** A new entry of the registry (administrators); its id. */
export const addEntry = (entry: Pick<RegistryEntry, 'kind' | 'code' | 'labels' | 'placeKind' | 'appealDays'>): Promise<{ id: string }> => api('/api/registry', entry);

/** A correction of an entry, from the tag it was read at (a 409 if someone changed it meanwhile). */
export const changeEntry = (entry: RegistryEntry, next: Pick<RegistryEntry, 'code' | 'labels' | 'placeKind' | 'appealDays'>): Promise<{ entry: RegistryEntry }> => api(`/api/registry/${entry.id}`, { tag: entry.tag, entry: next });

/** Retires an entry (or offers it again). */
export const retireEntry = (entry: RegistryEntry, retire: boolean): Promise<{ entry: RegistryEntry }> => api(`/api/registry/${entry.id}/${retire ? 'retire' : 'restore'}`, { tag: entry.tag });

/** An act type's name: Vigil's vocabulary, else the team's own types in the registry, else its code. */
export const actTypeLabel = (entries: readonly Pick<RegistryEntry, 'kind' | 'code' | 'labels'>[], code: string, language: Language = currentLanguage()): string =>
  actType(code)?.labels[language] ?? entries.find((e) => e.kind === 'act-type' && e.code === code)?.labels[language] ?? code;

/** Every page of a records list (the API gives at most 1,000 a page, newest first). */
export async function listAllRecords<P>(type: RecordType, filter = ''): Promise<RecordView<P>[]> {
  const all: RecordView<P>[] = [];
  let before: number | null = null;
  do {
    const page: { records: RecordView<P>[]; next: number | null } = await api(`/api/records/${type}?limit=1000${filter}${before ? `&before=${before}` : ''}`);
    all.push(...page.records);
    before = page.next;
  } while (before);
  return all;
}
