// What an opened bundle holds, record by record, each incoming person with the people already on
// record they may be; ticking one marks them "same as" that person (merged right after the import).
import { actTypeLabel } from '../records/client.ts';
import { termLabel } from '../ui/fields.tsx';
import { DETENTION_STATUSES } from '../../../core/records/vocabulary-words.ts';
import type { BundleDocument } from '../../../core/bundle/document.ts';
import type { PersonLikely } from '../records/likely.ts';
import { percent } from '../linkage/reasons.ts';
import type { IncomingMatches } from './use-incoming-matches.ts';
import { useFormats, useWords } from '../i18n/context.tsx';
import { bundlesWords } from './words.ts';

/** "May be P-0042 Həsənov Elvin (78% likely)": ticking one imports the person and merges them into that one. */
function SameAs({ originalId, originalCode, matches, chosen, onMark }: { originalId: string; originalCode: string; matches: PersonLikely[]; chosen: PersonLikely | undefined; onMark: (originalId: string, match: PersonLikely, on: boolean) => void }) {
  const t = useWords(bundlesWords);
  if (matches.length === 0) return null;
  return (
    <ul class="plain-list same-as">
      {matches.map((m) => {
        const id = `same-${originalId}-${m.person.id}`;
        return (
          <li key={m.person.id} data-may-be={m.person.code}>
            <input id={id} type="checkbox" checked={chosen?.person.id === m.person.id} onChange={(e) => onMark(originalId, m, e.currentTarget.checked)} />{' '}
            <label for={id}>
              {t(m.reasons ? 'sameAsBecause' : 'sameAs', { code: m.person.code, name: m.person.name, likely: percent(m.probability), reasons: m.reasons })}{' '}
              <span class="visually-hidden">{t('forTheir', { code: originalCode })}</span>
            </label>
          </li>
        );
      })}
    </ul>
  );
}

/** What the bundle holds, each person with the people already recorded they may be. */
export function BundleContents({ doc, matches, same, onMark }: { doc: BundleDocument; onMark: IncomingMatches['mark'] } & Pick<IncomingMatches, 'matches' | 'same'>) {
  const t = useWords(bundlesWords);
  const f = useFormats();
  return (
    <ul class="plain-list">
      {doc.incidents.map((i) => (
        <li key={i.originalId}>
          {t('incidentLine', { code: i.originalCode, title: String(i.fields.title ?? t('noTitle')), date: i.start.date ? f.day(i.start.date) : t('dateUnknown') })}
        </li>
      ))}
      {doc.persons.map((p) => (
        <li key={p.originalId} data-incoming-person={p.originalCode}>
          {t('personLine', { code: p.originalCode, name: p.identityWithheld ? t('identityWithheld') : String(p.fields.name ?? t('noName')) })}
          <SameAs originalId={p.originalId} originalCode={p.originalCode} matches={matches?.get(p.originalId) ?? []} chosen={same.get(p.originalId)} onMark={onMark} />
        </li>
      ))}
      {doc.acts.map((a) => (
        <li key={a.originalId}>
          {t('actLine', { code: a.originalCode, type: actTypeLabel(doc.registry, a.typeCode, f.language) })}
          {a.detention ? `, ${termLabel(DETENTION_STATUSES, a.detention.status, f.language)}` : ''}
        </li>
      ))}
    </ul>
  );
}
