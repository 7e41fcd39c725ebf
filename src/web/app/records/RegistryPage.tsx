// Administrators keep the registries (places, perpetrator units, legal provisions with their
// appeal days, local act types): what each is for, its entries, corrections (a stale read is a
// conflict) and retirement (kept on old records, no longer offered); and give an organization made
// before records its records key.
import { useState } from 'preact/hooks';
import { messageOf } from '../session/api.ts';
import { PageHeading } from '../ui/PageHeading.tsx';
import type { Vault } from '../session/vault.ts';
import { MissingKey } from '../members/MissingKey.tsx';
import { PLACE_KINDS } from '../../../core/records/vocabulary-words.ts';
import { REGISTRY_KINDS, type RegistryKind } from '../../../core/records/schemas.ts';
import { addEntry, changeEntry, retireEntry, useRegistry, type RegistryEntry } from './client.ts';
import { TermSelect, TextField, termLabel } from '../ui/fields.tsx';
import { Feedback } from '../ui/Feedback.tsx';
import { useFormats, useLanguage, useWords } from '../i18n/context.tsx';
import { commonWords } from '../i18n/common-words.ts';
import { recordsWords } from './words.ts';
import { useSaving } from './use-saving.ts';

type Key = keyof (typeof recordsWords)['en'];
/** Each kind's name, its section's heading and what it is for. */
const KINDS: Record<RegistryKind, { name: Key; section: Key; purpose: Key }> = {
  place: { name: 'kindPlace', section: 'sectionPlace', purpose: 'purposePlace' },
  unit: { name: 'kindUnit', section: 'sectionUnit', purpose: 'purposeUnit' },
  provision: { name: 'kindProvision', section: 'sectionProvision', purpose: 'purposeProvision' },
  'act-type': { name: 'kindActType', section: 'sectionActType', purpose: 'purposeActType' },
};

type PlaceKind = (typeof PLACE_KINDS)[number]['key'];

/** What the form holds while an entry is written: its code, its three names, a place's kind, a provision's days. */
interface Draft {
  code: string;
  en: string;
  az: string;
  ru: string;
  placeKind: PlaceKind;
  appealDays: string;
}

const emptyDraft: Draft = { code: '', en: '', az: '', ru: '', placeKind: 'police', appealDays: '' };
const draftOf = (e: RegistryEntry): Draft => ({ code: e.code, ...e.labels, placeKind: (e.placeKind ?? 'police') as PlaceKind, appealDays: e.appealDays === null ? '' : String(e.appealDays) });
const entryOf = (kind: RegistryKind, d: Draft) => ({
  code: d.code.trim(),
  labels: { en: d.en.trim(), az: d.az.trim(), ru: d.ru.trim() },
  placeKind: kind === 'place' ? d.placeKind : null,
  appealDays: kind === 'provision' && d.appealDays.trim() ? Number(d.appealDays) : null,
});

export function RegistryPage({ vault }: { vault: Vault }) {
  const t = useWords(recordsWords);
  const common = useWords(commonWords);
  const { language } = useLanguage();
  const { entries, reload } = useRegistry(vault);
  const [kind, setKind] = useState<RegistryKind>('place');
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [said, say] = useState('');
  const { error, saving } = useSaving(t('entryNotAdded'));
  const add = saving(async () => {
    const entry = entryOf(kind, draft);
    await addEntry({ kind, ...entry });
    say(t('entryAdded', { name: entry.labels[language] }));
    setDraft({ ...emptyDraft, placeKind: draft.placeKind });
    await reload();
  });

  return (
    <main class="wide-ish">
      <PageHeading>{t('registries')}</PageHeading>
      <p>{t('registriesIntro')}</p>
      <MissingKey vault={vault} purpose="records" />
      <form class="card" onSubmit={add} aria-labelledby="add-entry">
        <h2 id="add-entry">{t('addEntry')}</h2>
        <label for="entry-kind">{t('kind')}</label>
        <select id="entry-kind" value={kind} onChange={(e) => setKind(e.currentTarget.value as RegistryKind)}>
          {REGISTRY_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(KINDS[k].name)}
            </option>
          ))}
        </select>
        <p class="hint">{t(KINDS[kind].purpose)}</p>
        <EntryFields prefix="entry" kind={kind} draft={draft} onChange={setDraft} />
        <Feedback error={error} said={said} />
        <button type="submit">{common('add')}</button>
      </form>
      {REGISTRY_KINDS.map((k) => (
        <RegistrySection key={k} kind={k} entries={entries.filter((e) => e.kind === k)} reload={reload} />
      ))}
    </main>
  );
}

/** The fields of an entry, for a new one and a correction alike. */
function EntryFields({ prefix, kind, draft, onChange, editing = false }: { prefix: string; kind: RegistryKind; draft: Draft; onChange: (d: Draft) => void; editing?: boolean }) {
  const t = useWords(recordsWords);
  const set = (key: keyof Draft) => (value: string) => onChange({ ...draft, [key]: value });
  return (
    <>
      {/* Acts name a local act type by its code: it is fixed once made. */}
      {!(editing && kind === 'act-type') && <TextField id={`${prefix}-code`} label={t('code')} hint={kind === 'act-type' ? t('codeHintActType') : t('codeHint')} value={draft.code} onChange={set('code')} />}
      <TextField id={`${prefix}-en`} label={t('nameEn')} value={draft.en} onChange={set('en')} />
      <TextField id={`${prefix}-az`} label={t('nameAz')} value={draft.az} onChange={set('az')} />
      <TextField id={`${prefix}-ru`} label={t('nameRu')} value={draft.ru} onChange={set('ru')} />
      {kind === 'place' && <TermSelect id={`${prefix}-place-kind`} label={t('kindOfPlace')} terms={PLACE_KINDS} value={draft.placeKind} onChange={(placeKind) => onChange({ ...draft, placeKind })} />}
      {kind === 'provision' && <TextField id={`${prefix}-appeal`} label={t('appealDaysLabel')} type="number" value={draft.appealDays} onChange={set('appealDays')} />}
    </>
  );
}

function RegistrySection({ kind, entries, reload }: { kind: RegistryKind; entries: RegistryEntry[]; reload: () => Promise<void> }) {
  const t = useWords(recordsWords);
  const id = `registry-${kind}`;
  return (
    <section aria-labelledby={id} data-registry={kind}>
      <h2 id={id}>{t(KINDS[kind].section)}</h2>
      <p class="hint">{t(KINDS[kind].purpose)}</p>
      {entries.length === 0 && <p data-empty={kind}>{t('emptySection', { kind: t(KINDS[kind].name) })}</p>}
      <ul class="registry-entries">
        {entries.map((e) => (
          <RegistryItem key={e.id} entry={e} reload={reload} />
        ))}
      </ul>
    </section>
  );
}

/** One entry: its names, and for administrators a correction and retirement. */
function RegistryItem({ entry, reload }: { entry: RegistryEntry; reload: () => Promise<void> }) {
  const t = useWords(recordsWords);
  const common = useWords(commonWords);
  const f = useFormats();
  const { language } = useLanguage();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(() => draftOf(entry));
  const [said, say] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function act(change: () => Promise<{ entry: RegistryEntry }>, done: (name: string) => string) {
    setError(null);
    try {
      const { entry: now } = await change();
      say(done(now.labels[language]));
      setDraft(draftOf(now));
      setEditing(false);
      await reload();
    } catch (e) {
      setError(messageOf(e, t('entryNotChanged')));
    }
  }
  async function save(event: Event) {
    event.preventDefault();
    await act(() => changeEntry(entry, entryOf(entry.kind, draft)), (name) => t('entryChanged', { name }));
  }

  const others = (['en', 'az', 'ru'] as const).filter((l) => l !== language).map((l) => entry.labels[l]);
  return (
    <li data-entry={entry.code} data-retired={entry.retiredAt ? 'true' : undefined}>
      <code id={`entry-${entry.id}`}>{entry.code}</code> <strong>{entry.labels[language]}</strong> · {others.join(' · ')}
      {entry.placeKind && ` (${termLabel(PLACE_KINDS, entry.placeKind, language)})`}
      {entry.appealDays !== null && ` — ${t('appealWithin', { days: entry.appealDays })}`}
      {entry.retiredAt && (
        <>
          {' '}
          <span class="badge">{t('retired')}</span> <small>{t('retiredNote', { day: f.day(entry.retiredAt) })}</small>
        </>
      )}{' '}
      <button type="button" class="small secondary" aria-expanded={editing} aria-describedby={`entry-${entry.id}`} onClick={() => (setDraft(draftOf(entry)), setEditing(!editing))}>
        {common('edit')}
      </button>{' '}
      <button
        type="button"
        class="small secondary"
        aria-describedby={`entry-${entry.id}`}
        onClick={() => void act(() => retireEntry(entry, !entry.retiredAt), (name) => t(entry.retiredAt ? 'entryRestored' : 'entryRetired', { name }))}
      >
        {entry.retiredAt ? t('restore') : t('retire')}
      </button>
      {editing && (
        <form class="card" onSubmit={save} aria-label={t('changeEntry', { code: entry.code })}>
          <EntryFields prefix={`edit-${entry.id}`} kind={entry.kind} draft={draft} onChange={setDraft} editing />
          <button type="submit">{t('saveChanges')}</button>{' '}
          <button type="button" class="secondary" onClick={() => setEditing(false)}>
            {common('cancel')}
          </button>
        </form>
      )}
      <Feedback error={error} said={said} />
    </li>
  );
}
