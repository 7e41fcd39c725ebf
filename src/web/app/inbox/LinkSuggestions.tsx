// The incidents and people a report may concern, suggested with the reason (records/likely.ts): a
// name written in it that is like a person on record, an incident within a few days at a place it
// mentions.
import { useEffect, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import type { Vault } from '../session/vault.ts';
import type { ReportAnswers } from '../../../core/report/answers.ts';
import { useOpened } from '../records/client.ts';
import { likelyForReport, type IncidentLikely, type PersonLikely } from '../records/likely.ts';
import { percent } from '../linkage/reasons.ts';
import { canLink, linkerOf } from '../linkage/linker.ts';
import type { Target } from './find-records.ts';
import { useFormats, useLanguage, useWords } from '../i18n/context.tsx';
import { linkWords } from './link-words.ts';

type Likely = { people: PersonLikely[]; incidents: IncidentLikely[] };

/** The report's words that may name people and places (not the reporter's own contact). */
const textOf = (a: ReportAnswers) => [a.story, a.whatOther, a.city, a.place, a.whenRough].filter(Boolean).join('\n');

/**
 * Suggestions as the report opens: incidents from plain dates and places; people from this
 * session's linkage when there is one, otherwise only when asked, as comparing everyone on record
 * takes a while on a large list.
 */
export function useSuggestions(vault: Vault, reportId: string, answers: ReportAnswers, receivedHour: string) {
  const [likely, setLikely] = useState<Likely | null>(null);
  const linkable = canLink(vault);
  const [lookForPeople, setLookForPeople] = useState(() => linkable && linkerOf(vault).last !== null);
  useEffect(() => {
    let live = true;
    setLikely(null);
    // The day it tells of, else the day it arrived (reports follow events within days).
    const day = answers.whenExact ?? receivedHour.slice(0, 10);
    likelyForReport(vault, textOf(answers), day, { people: lookForPeople }).then((l) => live && setLikely(l), () => live && setLikely({ people: [], incidents: [] }));
    return () => {
      live = false;
    };
  }, [reportId, lookForPeople]);
  return { likely, canAskForPeople: linkable && !lookForPeople, askForPeople: () => setLookForPeople(true) };
}

/** A message with one of its values an element (a link): the message is formatted whole, then split there. */
function withElement(text: string, marker: string, element: ComponentChildren): ComponentChildren {
  const at = text.indexOf(marker);
  return at < 0 ? text : [text.slice(0, at), element, text.slice(at + marker.length)];
}
const MARK = '\u2063';

export function LinkSuggestions({ vault, id, likely, onLink }: { vault: Vault; id: string; likely: Likely; onLink: (target: Target) => void }) {
  const t = useWords(linkWords);
  const f = useFormats();
  const { language } = useLanguage();
  const titles = useOpened<{ title?: string }>(vault, 'incident', likely.incidents.map((l) => l.incident));
  const linkButton = (target: Target) => (
    <button type="button" class="small secondary" aria-label={t('linkAsSourceOf', { code: target.code })} onClick={() => onLink(target)}>
      {t('linkAsSource')}
    </button>
  );
  return (
    <section aria-labelledby={`${id}-likely`} data-suggestions>
      <h3 id={`${id}-likely`}>{t('mayConcern')}</h3>
      <ul class="plain-list">
        {likely.incidents.map(({ incident, place, day }) => (
          <li key={incident.id} data-suggested-incident={incident.code}>
            <a href={`#records/${incident.id}`}>{incident.code}</a> {titles.get(incident.id)?.title ?? ''} — {place.labels[language]}, {f.day(day)}{' '}
            {linkButton({ type: 'incident', id: incident.id, code: incident.code })}
          </li>
        ))}
        {likely.people.map(({ person, probability, as, reasons }) => {
          const values = { as, code: MARK, name: person.name, percent: percent(probability), reasons };
          return (
            <li key={person.id} data-suggested-person={person.code}>
              {withElement(reasons ? t('mayBePersonBecause', values) : t('mayBePerson', values), MARK, <a href={`#person/${person.id}`}>{person.code}</a>)}{' '}
              {linkButton({ type: 'person', id: person.id, code: person.code })}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
