// Everyone held now, most urgent first (src/core/records/custody.ts): whereabouts unknown, no
// lawyer, no decision yet, then the rest; with days held and the expected release.
import { useEffect, useState } from 'preact/hooks';
import { api, messageOf } from '../api.ts';
import { PageHeading } from '../PageHeading.tsx';
import type { Vault } from '../vault.ts';
import { DECISIONS, DETENTION_STATUSES, LAWYER_ACCESS } from '../../../core/records/vocabulary.ts';
import { actTypeLabel, labelOf, useRegistry, type RegistryEntry } from './client.ts';
import { termLabel } from './fields.tsx';
import { Feedback } from '../Feedback.tsx';

interface Held {
  actId: string;
  personId: string;
  personCode: string;
  incidentId: string;
  typeCode: string;
  status: string;
  heldAt: string | null;
  custodyStart: string | null;
  daysHeld: number | null;
  lawyerAccess: string;
  decision: string;
  expectedRelease: string | null;
  appealDeadline: string | null;
}

/** Rows drawn at once: the most urgent come first, and thousands of rows would take a second to draw. */
const PAGE = 100;

/** The board of everyone held, or (with a place) of everyone held at that place. */
export function HeldBoard({ vault, placeId }: { vault: Vault; placeId?: string }) {
  const { entries } = useRegistry(vault);
  const [held, setHeld] = useState<Held[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api<{ held: Held[] }>(`/api/board/held${placeId ? `?placeId=${placeId}` : ''}`).then((r) => setHeld(r.held), (e) => setError(messageOf(e, 'The board could not be loaded.')));
  }, [placeId]);
  const board = <HeldTable held={held} entries={entries} error={error} />;
  if (placeId) return board;
  return (
    <main class="wide-ish">
      <PageHeading>Currently held</PageHeading>
      <p>Everyone in custody now, most urgent first: whereabouts unknown, then no lawyer, then no decision yet.</p>
      {board}
    </main>
  );
}

function HeldTable({ held, entries, error }: { held: Held[] | null; entries: RegistryEntry[]; error: string | null }) {
  const [start, setStart] = useState(0);
  return (
    <>
      <Feedback error={error} />
      {held && held.length === 0 && <p>No one is recorded as held.</p>}
      {held && held.length > 0 && (
        <table class="data" data-board="held">
          <caption>
            {held.length === 1 ? 'One person held.' : `${held.length} people held.`} {held.length > PAGE && `Showing ${start + 1}–${Math.min(start + PAGE, held.length)}, most urgent first.`}
          </caption>
          <thead>
            <tr>
              <th scope="col">Person</th>
              <th scope="col">Status</th>
              <th scope="col">Held at</th>
              <th scope="col">Days held</th>
              <th scope="col">Expected release</th>
              <th scope="col">Lawyer</th>
              <th scope="col">Decision</th>
            </tr>
          </thead>
          <tbody>
            {held.slice(start, start + PAGE).map((h) => (
              <tr key={h.actId} data-person={h.personCode}>
                <th scope="row">
                  <a href={`#person/${h.personId}`}>{h.personCode}</a> <small>{actTypeLabel(entries, h.typeCode)}</small>
                </th>
                <td class={h.status === 'unknown' ? 'urgent' : undefined}>{termLabel(DETENTION_STATUSES, h.status)}</td>
                <td>{h.heldAt && <a href={`#place/${h.heldAt}`}>{labelOf(entries, h.heldAt)}</a>}</td>
                <td data-days-held>{h.daysHeld ?? '?'}</td>
                <td data-expected-release>{h.expectedRelease ?? '—'}</td>
                <td>{termLabel(LAWYER_ACCESS, h.lawyerAccess)}</td>
                <td>{termLabel(DECISIONS, h.decision)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {held && held.length > PAGE && (
        <nav class="pager" aria-label="Pages of the board">
          <button type="button" class="secondary" disabled={start === 0} onClick={() => setStart(Math.max(0, start - PAGE))}>
            More urgent
          </button>
          <button type="button" class="secondary" disabled={start + PAGE >= held.length} onClick={() => setStart(start + PAGE)}>
            Less urgent
          </button>
        </nav>
      )}
    </>
  );
}
