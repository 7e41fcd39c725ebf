// Possible duplicates (issue 11): records that may be one person, found in this browser by the
// linkage worker, ranked and explained field by field. "Same person" merges (the server moves the
// acts, sources and follow-up, keeps both records and can undo it), "Different people" is
// remembered and never suggested again, "Not sure" skips for this session. The server is told
// record ids only.
import { useState } from 'preact/hooks';
import { ApiError, messageOf } from '../api.ts';
import { PageHeading } from '../PageHeading.tsx';
import { Feedback } from '../Feedback.tsx';
import type { Vault } from '../vault.ts';
import type { Suggestion } from '../../../core/linkage/link.ts';
import { pairKey } from '../../../core/linkage/decisions.ts';
import { labelOf, useRegistry } from '../records/client.ts';
import { markDifferent, mergePeople, undoMerge } from './decisions-client.ts';
import type { LinkRun } from './review.ts';
import { useLinkage } from './use-linkage.ts';
import { LinkProgressView } from './LinkStatus.tsx';
import { olderOf, reviewItems, type ReviewItem } from './review.ts';
import { percent, reasonsOf } from './reasons.ts';

/** What a refused decision means, by the server's code (decisions-client.ts); the list is made again after each. */
const REFUSED: Record<string, string> = {
  'edit-conflict': 'One of these records changed since this list was made. Nothing was merged; the list is being made again from the records as they are now.',
  'already-merged': 'One of these records has been merged into another person since this list was made. Nothing was merged; the list is being made again.',
  'different-people': 'These records were decided to be different people (perhaps through a record merged into one of them). Nothing was merged; the list is being made again.',
  'merge-undone': 'This merge has been undone already.',
  'merged-since': 'The person this record was merged into has been merged on since: undo that merge first. Nothing was changed.',
};
const REFUSED_OTHERWISE = 'Someone decided about these records since this list was made. Nothing was changed; the list is being made again.';

export function DuplicatesPage({ vault }: { vault: Vault }) {
  const { linker, run, progress, error: runError } = useLinkage(vault, { start: true });
  const { entries } = useRegistry(vault);
  const [error, setError] = useState<string | null>(null);
  const [said, say] = useState('');
  const [busy, setBusy] = useState(false);
  if (!linker) {
    return (
      <main class="wide-ish">
        <PageHeading>Possible duplicates</PageHeading>
        <p>Your role does not hold the records key: names stay sealed, so duplicates cannot be looked for.</p>
      </main>
    );
  }
  const place = (id: string) => labelOf(entries, id);

  /**
   * A decision's call: busy only while the server answers. The list shown is updated at once
   * (linker.ts) and made again in the background, so the next pair can be decided meanwhile.
   */
  async function decide(call: () => Promise<string>) {
    setBusy(true);
    setError(null);
    try {
      say(await call());
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        setError(REFUSED[e.code] ?? REFUSED_OTHERWISE);
        linker!.relinkInBackground();
      } else setError(messageOf(e, 'That could not be saved.'));
    } finally {
      setBusy(false);
    }
  }

  const merge = (run: LinkRun, pair: Suggestion, survivorId: string) =>
    decide(async () => {
      const [survivor, merged] = [run.byId.get(survivorId)!, run.byId.get(survivorId === pair.a ? pair.b : pair.a)!];
      const { id } = await mergePeople({ survivor: { id: survivor.id, version: survivor.version }, merged: { id: merged.id, version: merged.version } });
      const createdAt = new Date().toISOString();
      linker.decidedSame({ id, survivorId: survivor.id, mergedId: merged.id, survivorCode: survivor.code, mergedCode: merged.code, createdAt, createdBy: vault.me.email, undone: false });
      return `${merged.code} merged into ${survivor.code}: its acts, sources and follow-up are now ${survivor.code}'s. Both records are kept, and the merge can be undone below.`;
    });
  const different = (run: LinkRun, pair: Suggestion) =>
    decide(async () => {
      await markDifferent(pair.a, pair.b);
      linker.decidedDifferent(pair.a, pair.b);
      return `${run.byId.get(pair.a)!.code} and ${run.byId.get(pair.b)!.code} are different people: they will not be suggested again.`;
    });
  const undo = (mergeId: string, mergedCode: string) =>
    decide(async () => {
      const { leftAlone } = await undoMerge(mergeId);
      linker.undid(mergeId);
      return `Merge undone: ${mergedCode} is a person of their own again; they are suggested again once the list is made anew.${leftAlone ? ` ${leftAlone} item(s) changed since the merge stay where they are.` : ''}`;
    });

  const open = run ? linker.open(run) : [];
  const items = run ? reviewItems(run, open, linker.notSure) : [];
  const skipped = open.length - items.reduce((n, item) => n + item.pairs.length, 0);
  return (
    <main class="wide-ish" data-duplicates-page>
      <PageHeading>Possible duplicates</PageHeading>
      <p>
        Records that may be the same person, found by comparing names (in any script and spelling), years of birth, places and dates — here, in your browser. The
        server is told only which records you merged or kept apart, never a name.
      </p>
      <LinkProgressView progress={progress} />
      <Feedback error={error ?? (runError && !progress ? `Possible duplicates could not be looked for: ${runError}` : null)} said={said} />
      {run && (
        <p data-open-pairs={open.length}>
          {open.length === 0 ? 'No possible duplicates waiting for review.' : `${open.length === 1 ? 'One pair' : `${open.length} pairs`} to review, most likely first.`} ({run.people.length}{' '}
          {run.people.length === 1 ? 'person' : 'people'} compared.)
        </p>
      )}
      <button type="button" class="secondary small" disabled={linker.isRunning} onClick={() => void linker.run().catch(() => undefined)}>
        Look again
      </button>
      {run && (
        <ol class="cards review-list">
          {items.map((item) => (
            <ReviewCard key={item.key} run={run} item={item} place={place} busy={busy} onMerge={merge} onDifferent={different} onNotSure={(pair) => linker.skip(pairKey(pair.a, pair.b))} />
          ))}
        </ol>
      )}
      {skipped > 0 && (
        <p>
          {skipped === 1 ? 'One pair' : `${skipped} pairs`} skipped for now ("not sure").{' '}
          <button type="button" class="link" onClick={() => linker.unskipAll()}>
            Show them again
          </button>
        </p>
      )}
      {run && <MergesMade run={run} busy={busy} onUndo={undo} />}
    </main>
  );
}

/** What a card and each of its pairs need to show a decision and report it. */
interface Decisions {
  run: LinkRun;
  place: (id: string) => string;
  busy: boolean;
  onMerge: (run: LinkRun, pair: Suggestion, survivorId: string) => void;
  onDifferent: (run: LinkRun, pair: Suggestion) => void;
  onNotSure: (pair: Suggestion) => void;
}

function ReviewCard({ item, ...decisions }: Decisions & { item: ReviewItem }) {
  const { run, place } = decisions;
  const people = item.ids.map((id) => run.byId.get(id)!);
  const heading = `${people.length === 2 ? 'A pair' : `A group of ${people.length}`}, ${percent(item.probability)} likely one person`;
  return (
    <li class="card" data-review={people.map((p) => p.code).join(' ')}>
      <table class="data">
        <caption>{heading}</caption>
        <thead>
          <tr>
            <th scope="col">Record</th>
            <th scope="col">Name</th>
            <th scope="col">Other names</th>
            <th scope="col">Year of birth</th>
            <th scope="col">Place</th>
            <th scope="col">Date</th>
          </tr>
        </thead>
        <tbody>
          {people.map((p) => (
            <tr key={p.id}>
              <th scope="row">
                <a href={`#person/${p.id}`}>{p.code}</a>
              </th>
              <td>{p.name}</td>
              <td>{p.otherNames?.join('; ')}</td>
              <td>{p.birthYear ?? ''}</td>
              <td>{p.placeId ? place(p.placeId) : ''}</td>
              <td>{p.eventDate ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {item.pairs.map((pair) => (
        <PairDecision key={pairKey(pair.a, pair.b)} pair={pair} {...decisions} />
      ))}
    </li>
  );
}

function PairDecision({ run, pair, place, busy, onMerge, onDifferent, onNotSure }: Decisions & { pair: Suggestion }) {
  const older = olderOf(run, pair.a, pair.b);
  const [survivor, setSurvivor] = useState(older);
  const [a, b] = [run.byId.get(pair.a)!, run.byId.get(pair.b)!];
  const { alike, differ } = reasonsOf(pair, a, b, place);
  const name = `keep-${pair.a}-${pair.b}`;
  return (
    <section class="pair" data-pair={`${a.code} ${b.code}`} aria-label={`${a.code} and ${b.code}`}>
      <p>
        <strong>
          {a.code} and {b.code}
        </strong>
        : {percent(pair.probability)} likely the same person.
      </p>
      <ul class="reasons">
        {alike.map((r) => (
          <li key={r} class="alike">
            {r}
          </li>
        ))}
        {differ.map((r) => (
          <li key={r} class="differ">
            but {r}
          </li>
        ))}
      </ul>
      <fieldset class="choice-row">
        <legend>If they are the same person, keep</legend>
        {[a, b].map((p) => (
          <span class="choice" key={p.id}>
            <input type="radio" id={`${name}-${p.id}`} name={name} checked={survivor === p.id} onChange={() => setSurvivor(p.id)} />
            <label for={`${name}-${p.id}`}>
              {p.code}
              {p.id === older ? ' (the older record)' : ''}
            </label>
          </span>
        ))}
      </fieldset>
      <div class="actions">
        <button type="button" disabled={busy} onClick={() => onMerge(run, pair, survivor)}>
          Same person
        </button>
        <button type="button" class="secondary" disabled={busy} onClick={() => onDifferent(run, pair)}>
          Different people
        </button>
        <button type="button" class="secondary" disabled={busy} onClick={() => onNotSure(pair)}>
          Not sure
        </button>
      </div>
    </section>
  );
}

function MergesMade({ run, busy, onUndo }: { run: LinkRun; busy: boolean; onUndo: (mergeId: string, mergedCode: string) => void }) {
  const merges = [...run.decisions.merges].sort((x, y) => (x.createdAt < y.createdAt ? 1 : -1));
  return (
    <section aria-labelledby="merges-made">
      <h2 id="merges-made">Merges made</h2>
      {merges.length === 0 && <p>None yet.</p>}
      {merges.length > 0 && (
        <table class="data" data-merges>
          <thead>
            <tr>
              <th scope="col">Merged</th>
              <th scope="col">Into</th>
              <th scope="col">When</th>
              <th scope="col">By</th>
              <th scope="col">
                <span class="visually-hidden">Undo</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {merges.map((m) => (
              <tr key={m.id} data-merge={m.mergedCode ?? ''}>
                <th scope="row">{m.mergedCode ? <a href={`#person/${m.mergedId}`}>{m.mergedCode}</a> : '(purged)'}</th>
                <td>{m.survivorCode ? <a href={`#person/${m.survivorId}`}>{m.survivorCode}</a> : '(purged)'}</td>
                <td>{m.createdAt.slice(0, 16).replace('T', ' ')}</td>
                <td>{m.createdBy ?? '(former member)'}</td>
                <td>
                  {m.undone ? (
                    'undone'
                  ) : (
                    <button type="button" class="secondary small" disabled={busy} onClick={() => onUndo(m.id, m.mergedCode ?? 'The merged record')} aria-label={`Undo the merge of ${m.mergedCode ?? 'a purged record'} into ${m.survivorCode ?? 'a purged record'}`}>
                      Undo
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
