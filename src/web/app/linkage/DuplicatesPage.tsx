// Possible duplicates (issue 11): records that may be one person, found in this browser by the
// linkage worker, ranked and explained field by field. "Same person" merges (the server moves the
// acts, sources and follow-up, keeps both records and can undo it), "Different people" is
// remembered and never suggested again, "Not sure" skips for this session. The server is told
// record ids only.
import { useState } from 'preact/hooks';
import { ApiError, messageOf } from '../session/api.ts';
import { PageHeading } from '../ui/PageHeading.tsx';
import { Feedback } from '../ui/Feedback.tsx';
import type { Vault } from '../session/vault.ts';
import type { Suggestion } from '../../../core/linkage/link.ts';
import { pairKey } from '../../../core/linkage/decisions.ts';
import { useRegistry } from '../records/client.ts';
import { entryLabel } from '../dashboard/labels.ts';
import { useFormats, useLanguage, useWords } from '../i18n/context.tsx';
import { linkageWords } from './words.ts';
import { markDifferent, mergePeople, undoMerge } from './decisions-client.ts';
import type { LinkRun } from './review.ts';
import { useLinkage } from './use-linkage.ts';
import { LinkProgressView } from './LinkStatus.tsx';
import { olderOf, reviewItems, type ReviewItem } from './review.ts';
import { percent, reasonsOf } from './reasons.ts';

type Key = keyof (typeof linkageWords)['en'];
type Translate = ReturnType<typeof useWords<Key>>;

/** What a refused decision means, by the server's code (decisions-client.ts); the list is made again after each. */
const REFUSED: Record<string, Key> = {
  'edit-conflict': 'refusedEditConflict',
  'already-merged': 'refusedAlreadyMerged',
  'different-people': 'refusedDifferentPeople',
  'merge-undone': 'refusedMergeUndone',
  'merged-since': 'refusedMergedSince',
};

export function DuplicatesPage({ vault }: { vault: Vault }) {
  const { linker, run, progress, error: runError } = useLinkage(vault, { start: true });
  const { entries } = useRegistry(vault);
  const [error, setError] = useState<string | null>(null);
  const [said, say] = useState('');
  const [busy, setBusy] = useState(false);
  const t = useWords(linkageWords);
  const f = useFormats();
  const { language } = useLanguage();
  if (!linker) {
    return (
      <main class="wide-ish">
        <PageHeading>{t('title')}</PageHeading>
        <p>{t('noKey')}</p>
      </main>
    );
  }
  const place = (id: string) => {
    const entry = entries.find((e) => e.id === id);
    return entry ? entryLabel(entry, language) : t('unknownPlace');
  };

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
        setError(t(REFUSED[e.code] ?? 'refusedOtherwise'));
        linker!.relinkInBackground();
      } else setError(messageOf(e, t('couldNotSave')));
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
      return t('merged', { merged: merged.code, survivor: survivor.code });
    });
  const different = (run: LinkRun, pair: Suggestion) =>
    decide(async () => {
      await markDifferent(pair.a, pair.b);
      linker.decidedDifferent(pair.a, pair.b);
      return t('different', { a: run.byId.get(pair.a)!.code, b: run.byId.get(pair.b)!.code });
    });
  const undo = (mergeId: string, mergedCode: string) =>
    decide(async () => {
      const { leftAlone } = await undoMerge(mergeId);
      linker.undid(mergeId);
      return leftAlone ? t('undoneLeftAlone', { code: mergedCode, count: leftAlone }) : t('undone', { code: mergedCode });
    });

  const open = run ? linker.open(run) : [];
  const items = run ? reviewItems(run, open, linker.notSure) : [];
  const skipped = open.length - items.reduce((n, item) => n + item.pairs.length, 0);
  return (
    <main class="wide-ish" data-duplicates-page>
      <PageHeading>{t('title')}</PageHeading>
      <p>{t('intro')}</p>
      <LinkProgressView progress={progress} />
      <Feedback error={error ?? (runError && !progress ? t('couldNotLook', { error: runError }) : null)} said={said} />
      {run && (
        <p data-open-pairs={open.length}>
          {open.length === 0 ? t('noneWaiting') : t('toReview', { pairs: open.length })} {t('compared', { people: run.people.length })}
        </p>
      )}
      <button type="button" class="secondary small" disabled={linker.isRunning} onClick={() => void linker.run().catch(() => undefined)}>
        {t('lookAgain')}
      </button>
      {run && (
        <ol class="cards review-list">
          {items.map((item) => (
            <ReviewCard key={item.key} run={run} item={item} place={place} t={t} percentOf={(p) => percent(p, language)} day={f.day} busy={busy} onMerge={merge} onDifferent={different} onNotSure={(pair) => linker.skip(pairKey(pair.a, pair.b))} />
          ))}
        </ol>
      )}
      {skipped > 0 && (
        <p>
          {t('skipped', { count: skipped })}{' '}
          <button type="button" class="link" onClick={() => linker.unskipAll()}>
            {t('showAgain')}
          </button>
        </p>
      )}
      {run && <MergesMade run={run} busy={busy} onUndo={undo} t={t} />}
    </main>
  );
}

/** What a card and each of its pairs need to show a decision and report it. */
interface Decisions {
  run: LinkRun;
  place: (id: string) => string;
  t: Translate;
  percentOf: (probability: number) => string;
  day: (day: string) => string;
  busy: boolean;
  onMerge: (run: LinkRun, pair: Suggestion, survivorId: string) => void;
  onDifferent: (run: LinkRun, pair: Suggestion) => void;
  onNotSure: (pair: Suggestion) => void;
}

function ReviewCard({ item, ...decisions }: Decisions & { item: ReviewItem }) {
  const { run, place, t, percentOf, day } = decisions;
  const people = item.ids.map((id) => run.byId.get(id)!);
  const heading = people.length === 2 ? t('pairHeading', { percent: percentOf(item.probability) }) : t('groupHeading', { count: people.length, percent: percentOf(item.probability) });
  return (
    <li class="card" data-review={people.map((p) => p.code).join(' ')}>
      <table class="data">
        <caption>{heading}</caption>
        <thead>
          <tr>
            <th scope="col">{t('record')}</th>
            <th scope="col">{t('name')}</th>
            <th scope="col">{t('otherNames')}</th>
            <th scope="col">{t('birthYear')}</th>
            <th scope="col">{t('place')}</th>
            <th scope="col">{t('date')}</th>
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
              <td>{p.eventDate ? day(p.eventDate) : ''}</td>
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

function PairDecision({ run, pair, place, t, percentOf, busy, onMerge, onDifferent, onNotSure }: Decisions & { pair: Suggestion }) {
  const { language } = useLanguage();
  const older = olderOf(run, pair.a, pair.b);
  const [survivor, setSurvivor] = useState(older);
  const [a, b] = [run.byId.get(pair.a)!, run.byId.get(pair.b)!];
  const { alike, differ } = reasonsOf(pair, a, b, place, language);
  const name = `keep-${pair.a}-${pair.b}`;
  return (
    <section class="pair" data-pair={`${a.code} ${b.code}`} aria-label={t('pairNames', { a: a.code, b: b.code })}>
      <p>
        <strong>{t('pairNames', { a: a.code, b: b.code })}</strong>: {t('pairLikely', { percent: percentOf(pair.probability) })}
      </p>
      <ul class="reasons">
        {alike.map((r) => (
          <li key={r} class="alike">
            {r}
          </li>
        ))}
        {differ.map((r) => (
          <li key={r} class="differ">
            {t('but', { reason: r })}
          </li>
        ))}
      </ul>
      <fieldset class="choice-row">
        <legend>{t('keep')}</legend>
        {[a, b].map((p) => (
          <span class="choice" key={p.id}>
            <input type="radio" id={`${name}-${p.id}`} name={name} checked={survivor === p.id} onChange={() => setSurvivor(p.id)} />
            <label for={`${name}-${p.id}`}>
              {p.id === older ? t('olderRecord', { code: p.code }) : p.code}
            </label>
          </span>
        ))}
      </fieldset>
      <div class="actions">
        <button type="button" disabled={busy} onClick={() => onMerge(run, pair, survivor)}>
          {t('samePerson')}
        </button>
        <button type="button" class="secondary" disabled={busy} onClick={() => onDifferent(run, pair)}>
          {t('differentPeople')}
        </button>
        <button type="button" class="secondary" disabled={busy} onClick={() => onNotSure(pair)}>
          {t('notSure')}
        </button>
      </div>
    </section>
  );
}

function MergesMade({ run, busy, onUndo, t }: { run: LinkRun; busy: boolean; onUndo: (mergeId: string, mergedCode: string) => void; t: Translate }) {
  const f = useFormats();
  const merges = [...run.decisions.merges].sort((x, y) => (x.createdAt < y.createdAt ? 1 : -1));
  return (
    <section aria-labelledby="merges-made">
      <h2 id="merges-made">{t('mergesMade')}</h2>
      {merges.length === 0 && <p>{t('noneYet')}</p>}
      {merges.length > 0 && (
        <table class="data" data-merges>
          <thead>
            <tr>
              <th scope="col">{t('mergedColumn')}</th>
              <th scope="col">{t('into')}</th>
              <th scope="col">{t('when')}</th>
              <th scope="col">{t('by')}</th>
              <th scope="col">
                <span class="visually-hidden">{t('undo')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {merges.map((m) => (
              <tr key={m.id} data-merge={m.mergedCode ?? ''}>
                <th scope="row">{m.mergedCode ? <a href={`#person/${m.mergedId}`}>{m.mergedCode}</a> : t('purged')}</th>
                <td>{m.survivorCode ? <a href={`#person/${m.survivorId}`}>{m.survivorCode}</a> : t('purged')}</td>
                <td>{f.dateTime(m.createdAt)}</td>
                <td>{m.createdBy ?? t('formerMember')}</td>
                <td>
                  {m.undone ? (
                    t('undoneCell')
                  ) : (
                    <button type="button" class="secondary small" disabled={busy} onClick={() => onUndo(m.id, m.mergedCode ?? t('theMergedRecord'))} aria-label={t('undoLabel', { merged: m.mergedCode ?? t('aPurgedRecord'), survivor: m.survivorCode ?? t('aPurgedRecord') })}>
                      {t('undo')}
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
