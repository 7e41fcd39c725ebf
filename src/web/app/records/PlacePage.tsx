// One place of the registry (a police department, a court, a dispensary…): who is held there now,
// and the acts recorded there, newest first.
import { useEffect, useState } from 'preact/hooks';
import { api, messageOf } from '../api.ts';
import { PageHeading } from '../PageHeading.tsx';
import type { Vault } from '../vault.ts';
import { PLACE_KINDS } from '../../../core/records/vocabulary.ts';
import { actTypeLabel, useRegistry, type RecordView } from './client.ts';
import { termLabel } from './fields.tsx';
import { HeldBoard } from './HeldBoard.tsx';
import { Feedback } from '../Feedback.tsx';

type ActPlain = { incidentId: string; personId: string; typeCode: string; dateStart: string | null };

export function PlacePage({ vault, placeId }: { vault: Vault; placeId: string }) {
  const { entries } = useRegistry(vault);
  const place = entries.find((e) => e.id === placeId);
  const [acts, setActs] = useState<RecordView<ActPlain>[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api<{ records: RecordView<ActPlain>[] }>(`/api/records/act?placeId=${placeId}&limit=100`).then((r) => setActs(r.records), (e) => setError(messageOf(e, 'The acts could not be loaded.')));
  }, [placeId]);
  return (
    <main class="wide-ish" data-place-page={place?.code}>
      <PageHeading>{place ? place.labels.en : 'Place'}</PageHeading>
      {place && (
        <p class="facts">
          {termLabel(PLACE_KINDS, place.placeKind)} · {place.labels.az} · {place.labels.ru}
        </p>
      )}
      <h2>Held here now</h2>
      <HeldBoard vault={vault} placeId={placeId} />
      <h2>Recorded here</h2>
      <Feedback error={error} />
      {acts.length === 0 && <p>No acts recorded at this place.</p>}
      <ul>
        {acts.map((a) => (
          <li key={a.id}>
            {a.plain.dateStart ?? 'date unknown'} · <a href={`#records/${a.plain.incidentId}`}>{actTypeLabel(entries, a.plain.typeCode)}</a> ·{' '}
            <a href={`#person/${a.plain.personId}`}>{a.code}</a>
          </li>
        ))}
      </ul>
    </main>
  );
}
