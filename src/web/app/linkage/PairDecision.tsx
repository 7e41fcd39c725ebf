// One pair of a review card: why the two may be one person, which record to keep, and the three
// decisions (same person, different people, not sure).
import { useState } from 'preact/hooks';
import type { Suggestion } from '../../../core/linkage/link.ts';
import { useLanguage, useWords } from '../i18n/context.tsx';
import { linkageWords } from './words.ts';
import { olderOf, type LinkRun } from './review.ts';
import { percent, reasonsOf } from './reasons.ts';

/** What a card and each of its pairs need to show a decision and report it. */
export interface Decisions {
  run: LinkRun;
  place: (id: string) => string;
  busy: boolean;
  onMerge: (run: LinkRun, pair: Suggestion, survivorId: string) => void;
  onDifferent: (run: LinkRun, pair: Suggestion) => void;
  onNotSure: (pair: Suggestion) => void;
}

export function PairDecision({ run, pair, place, busy, onMerge, onDifferent, onNotSure }: Decisions & { pair: Suggestion }) {
  const t = useWords(linkageWords);
  const { language } = useLanguage();
  const older = olderOf(run, pair.a, pair.b);
  const [survivor, setSurvivor] = useState(older);
  const [a, b] = [run.byId.get(pair.a)!, run.byId.get(pair.b)!];
  const { alike, differ } = reasonsOf(pair, a, b, place, language);
  const name = `keep-${pair.a}-${pair.b}`;
  return (
    <section class="pair" data-pair={`${a.code} ${b.code}`} aria-label={t('pairNames', { a: a.code, b: b.code })}>
      <p>
        <strong>{t('pairNames', { a: a.code, b: b.code })}</strong>: {t('pairLikely', { percent: percent(pair.probability, language) })}
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
