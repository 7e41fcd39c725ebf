// One place of the registry (a police department, a court, a dispensary…): who is held there now,
// and the acts recorded there, newest first.
import { useEffect, useState } from 'preact/hooks';
import { api, messageOf } from '../session/api.ts';
import { PageHeading } from '../ui/PageHeading.tsx';
import type { Vault } from '../session/vault.ts';
import { PLACE_KINDS } from '../../../core/records/vocabulary-words.ts';
import { actTypeLabel, useRegistry, type RecordView } from './client.ts';
import { termLabel } from '../ui/fields.tsx';
import { HeldBoard } from './HeldBoard.tsx';
import { Feedback } from '../ui/Feedback.tsx';
import { useFormats, useLanguage, useWords } from '../i18n/context.tsx';
import { recordsWords } from './words.ts';

type ActPlain = { incidentId: string; personId: string; typeCode: string; dateStart: string | null };

export function PlacePage({ vault, placeId }: { vault: Vault; placeId: string }) {
  const t = useWords(recordsWords);
  const f = useFormats();
  const { language } = useLanguage();
  const { entries } = useRegistry(vault);
  const place = entries.find((e) => e.id === placeId);
  const [acts, setActs] = useState<RecordView<ActPlain>[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api<{ records: RecordView<ActPlain>[] }>(`/api/records/act?placeId=${placeId}&limit=100`).then((r) => setActs(r.records), (e) => setError(messageOf(e, t('actsNotLoaded'))));
  }, [placeId]);
  return (
    <main class="wide-ish" data-place-page={place?.code}>
      <PageHeading>{place ? place.labels[language] : t('place')}</PageHeading>
      {place && (
        <p class="facts">
          {[termLabel(PLACE_KINDS, place.placeKind, language), ...(['en', 'az', 'ru'] as const).filter((l) => l !== language).map((l) => place.labels[l])].join(' · ')}
        </p>
      )}
      {place?.retiredAt && <p class="hint">{t('placeRetired')}</p>}
      <h2>{t('heldHereNow')}</h2>
      <HeldBoard vault={vault} placeId={placeId} />
      <h2>{t('recordedHere')}</h2>
      <Feedback error={error} />
      {acts.length === 0 && <p>{t('noActsHere')}</p>}
      <ul>
        {acts.map((a) => (
          <li key={a.id}>
            {a.plain.dateStart ? f.day(a.plain.dateStart) : t('dateUnknown')} · <a href={`#records/${a.plain.incidentId}`}>{actTypeLabel(entries, a.plain.typeCode, language)}</a> ·{' '}
            <a href={`#person/${a.plain.personId}`}>{a.code}</a>
          </li>
        ))}
      </ul>
    </main>
  );
}
