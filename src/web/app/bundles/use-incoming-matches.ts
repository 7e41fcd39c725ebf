// A partner's people matched with the people on record (issue 11), for the import: each named
// incoming person compared in this browser with those already recorded, the member's "same as
// P-0042" marks, and the merges of those marked, made right after the import by record ids only.
import { useState } from 'preact/hooks';
import { api, messageOf } from '../session/api.ts';
import type { Vault } from '../session/vault.ts';
import type { BundleDocument } from '../../../core/bundle/document.ts';
import type { ImportResult } from '../../../core/bundle/import-request.ts';
import { registryEntries } from '../records/client.ts';
import { likelyPeople, type PersonLikely } from '../records/likely.ts';
import { mergePeople } from '../linkage/decisions-client.ts';
import { canLink, linkerOf } from '../linkage/linker.ts';
import { incomingPeople } from './incoming-people.ts';
import { currentLanguage } from '../i18n/language.ts';
import { translator } from '../../../core/i18n/message.ts';
import { bundlesWords } from './words.ts';

export interface IncomingMatches {
  /** For each incoming person (original id), the people on record they may be; null while looking. */
  matches: Map<string, PersonLikely[]> | null;
  /** Incoming person (original id) → the person on record the member says they are. */
  same: Map<string, PersonLikely>;
  lookFor(opened: BundleDocument): Promise<void>;
  mark(originalId: string, match: PersonLikely, on: boolean): void;
  /** Merges each imported person marked "same as" into the person on record; says what was done. */
  mergeMarked(result: ImportResult): Promise<string>;
}

export function useIncomingMatches(vault: Vault): IncomingMatches {
  const [matches, setMatches] = useState<Map<string, PersonLikely[]> | null>(null);
  const [same, setSame] = useState(new Map<string, PersonLikely>());

  /** Names open only with the records key: without it, no one is suggested. */
  async function lookFor(opened: BundleDocument) {
    setMatches(null);
    setSame(new Map());
    if (!canLink(vault)) return setMatches(new Map());
    const found = new Map<string, PersonLikely[]>();
    try {
      const places = (await registryEntries(vault)).filter((e) => e.kind === 'place');
      for (const person of incomingPeople(opened)) {
        // The partner's place code names the same place here when both use it ("held at Binagadi").
        const placeId = places.find((e) => e.code === person.place)?.id ?? null;
        found.set(person.id, await likelyPeople(vault, person, { limit: 3, placeId }));
      }
    } catch {
      // Without suggestions the import works as before: everyone arrives as a new person.
    }
    setMatches(found);
  }

  function mark(originalId: string, match: PersonLikely, on: boolean) {
    const next = new Map(same);
    if (on) next.set(originalId, match);
    else next.delete(originalId);
    setSame(next);
  }

  async function mergeMarked(result: ImportResult): Promise<string> {
    const t = translator(bundlesWords, currentLanguage());
    const merged: string[] = [];
    const failed: string[] = [];
    for (const [originalId, match] of same) {
      const importedId = result.ids[originalId];
      if (!importedId) continue;
      try {
        const { record } = await api<{ record: { version: number } }>(`/api/records/person/${importedId}`);
        await mergePeople({ survivor: { id: match.person.id, version: match.person.version }, merged: { id: importedId, version: record.version } });
        merged.push(match.person.code);
      } catch (e) {
        failed.push(`${match.person.code} (${messageOf(e, t('notMergedOne'))})`);
      }
    }
    // People were added (and merged): the session's linkage is made afresh when next asked.
    if (canLink(vault)) linkerOf(vault).invalidate();
    return [merged.length > 0 ? t('merged', { codes: merged.join(', ') }) : '', failed.length > 0 ? t('notMerged', { codes: failed.join(', ') }) : ''].filter(Boolean).join(' ');
  }

  return { matches, same, lookFor, mark, mergeMarked };
}
