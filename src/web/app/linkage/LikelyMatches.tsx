// While a new person is being typed in, the people already on record they may be: "this may be
// P-0042 — same name in Latin and Cyrillic, same birth year, held at Binagadi on the same day",
// before the member saves a second record of them. Asked of this session's linkage worker; the
// typed name never leaves the browser.
import { useEffect, useState } from 'preact/hooks';
import type { Vault } from '../session/vault.ts';
import type { Suggestion } from '../../../core/linkage/link.ts';
import { actType } from '../../../core/records/vocabulary.ts';
import { isDay } from '../../../core/records/custody.ts';
import { entryLabel, registryEntries, useRegistry } from '../records/client.ts';
import { yearOf } from '../records/birth-year.ts';
import { canLink, linkerOf } from './linker.ts';
import { percent, reasonsLine, reasonsOf } from './reasons.ts';
import { useLanguage, useWords } from '../i18n/context.tsx';
import { linkageWords } from './words.ts';

export interface NewPerson {
  name: string;
  birthYear: string;
  placeId: string | null;
  /** As typed: only a full day is compared. */
  date: string;
  typeCode: string;
}

/** Typing pauses this long before the worker is asked. */
const PAUSE_MS = 400;

/** `onChoose`: record the act for that person instead of adding a new one. */
export function LikelyMatches({ vault, person, onChoose }: { vault: Vault; person: NewPerson; onChoose: (id: string, code: string) => void }) {
  const { entries } = useRegistry(vault);
  const t = useWords(linkageWords);
  const { language } = useLanguage();
  const [matches, setMatches] = useState<Suggestion[]>([]);
  const { name, birthYear, placeId, date, typeCode } = person;
  useEffect(() => {
    if (!canLink(vault) || name.trim().length < 3) {
      setMatches([]);
      return;
    }
    let live = true;
    const timer = setTimeout(async () => {
      const places = await registryEntries(vault).catch(() => []);
      const place = placeId ? (places.find((e) => e.id === placeId)?.code ?? null) : null;
      const day = isDay(date.trim()) ? date.trim() : null;
      const found = await linkerOf(vault)
        .matchesOf({ id: 'new-person', name: name.trim(), birthYear: yearOf(birthYear), place, eventDate: day })
        .catch(() => []);
      if (live) setMatches(found);
    }, PAUSE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [name, birthYear, placeId, date]);

  const run = canLink(vault) ? linkerOf(vault).last : null;
  const shown = run ? matches.filter((m) => run.byId.has(m.b)) : [];
  if (shown.length === 0) return <div aria-live="polite" data-likely-matches="0" />;
  const placeOf = (id: string) => {
    const entry = entries.find((e) => e.id === id);
    return entry ? entryLabel(entry, language) : t('unknownPlace');
  };
  const typed = { name, placeId, held: actType(typeCode)?.detention ?? false };
  return (
    <div aria-live="polite" class="likely-matches" data-likely-matches={shown.length}>
      <p>
        <strong>{t('mayBeOnRecord')}</strong> {t('checkBefore')}
      </p>
      <ul>
        {shown.map((m) => {
          const existing = run!.byId.get(m.b)!;
          return (
            <li key={m.b} data-match={existing.code}>
              {t('mayBe')} <a href={`#person/${existing.id}`}>{existing.code}</a> ({percent(m.probability, language)}) — {reasonsLine(reasonsOf(m, typed, existing, placeOf, language), language)}.{' '}
              <button type="button" class="link" onClick={() => onChoose(existing.id, existing.code)}>
                {t('recordFor', { code: existing.code })}
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
