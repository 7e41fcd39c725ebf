// Everyone held now, most urgent first (src/core/records/custody.ts): whereabouts unknown, no
// lawyer, no decision yet, then the rest; with days held and the expected release.
import { useEffect, useState } from 'preact/hooks';
import { api, messageOf } from '../session/api.ts';
import { PageHeading } from '../ui/PageHeading.tsx';
import type { Vault } from '../session/vault.ts';
import { DECISIONS, DETENTION_STATUSES, LAWYER_ACCESS } from '../../../core/records/vocabulary-words.ts';
import { actTypeLabel, labelOf, useRegistry, type RegistryEntry } from './client.ts';
import { termLabel } from '../ui/fields.tsx';
import { Feedback } from '../ui/Feedback.tsx';
import { useFormats, useLanguage, useWords } from '../i18n/context.tsx';
import { recordsWords } from './words.ts';

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
  const t = useWords(recordsWords);
  const { entries } = useRegistry(vault);
  const [held, setHeld] = useState<Held[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api<{ held: Held[] }>(`/api/board/held${placeId ? `?placeId=${placeId}` : ''}`).then((r) => setHeld(r.held), (e) => setError(messageOf(e, t('boardNotLoaded'))));
  }, [placeId]);
  const board = <HeldTable held={held} entries={entries} error={error} />;
  if (placeId) return board;
  return (
    <main class="wide-ish">
      <PageHeading>{t('currentlyHeld')}</PageHeading>
      <p>{t('heldIntro')}</p>
      {board}
    </main>
  );
}

function HeldTable({ held, entries, error }: { held: Held[] | null; entries: RegistryEntry[]; error: string | null }) {
  const t = useWords(recordsWords);
  const f = useFormats();
  const { language } = useLanguage();
  const [start, setStart] = useState(0);
  return (
    <>
      <Feedback error={error} />
      {held && held.length === 0 && (
        <p data-empty="held">
          {t('noOneHeld')} {t('noOneHeldHint')}
        </p>
      )}
      {held && held.length > 0 && (
        <table class="data" data-board="held">
          <caption>
            {t('heldCount', { count: held.length })} {held.length > PAGE && t('showingRange', { from: start + 1, to: Math.min(start + PAGE, held.length) })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('columnPerson')}</th>
              <th scope="col">{t('columnStatus')}</th>
              <th scope="col">{t('columnHeldAt')}</th>
              <th scope="col">{t('columnDaysHeld')}</th>
              <th scope="col">{t('columnExpectedRelease')}</th>
              <th scope="col">{t('columnLawyer')}</th>
              <th scope="col">{t('columnDecision')}</th>
            </tr>
          </thead>
          <tbody>
            {held.slice(start, start + PAGE).map((h) => (
              <tr key={h.actId} data-person={h.personCode}>
                <th scope="row">
                  <a href={`#person/${h.personId}`}>{h.personCode}</a> <small>{actTypeLabel(entries, h.typeCode, language)}</small>
                </th>
                <td class={h.status === 'unknown' ? 'urgent' : undefined}>{termLabel(DETENTION_STATUSES, h.status, language)}</td>
                <td>{h.heldAt && <a href={`#place/${h.heldAt}`}>{labelOf(entries, h.heldAt, language)}</a>}</td>
                <td data-days-held={h.daysHeld ?? ''}>{h.daysHeld === null ? '?' : f.number(h.daysHeld)}</td>
                <td data-expected-release={h.expectedRelease ?? ''}>{h.expectedRelease ? f.day(h.expectedRelease) : '—'}</td>
                <td>{termLabel(LAWYER_ACCESS, h.lawyerAccess, language)}</td>
                <td>{termLabel(DECISIONS, h.decision, language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {held && held.length > PAGE && (
        <nav class="pager" aria-label={t('boardPages')}>
          <button type="button" class="secondary" disabled={start === 0} onClick={() => setStart(Math.max(0, start - PAGE))}>
            {t('moreUrgent')}
          </button>
          <button type="button" class="secondary" disabled={start + PAGE >= held.length} onClick={() => setStart(start + PAGE)}>
            {t('lessUrgent')}
          </button>
        </nav>
      )}
    </>
  );
}
