// A place added right where a record needs one: a new team's first incident is at a police station
// its registry does not have yet. An administrator names it once (the same name in the three
// languages until Registries says otherwise) and it is chosen at once; others are told whom to ask.
// Inside another form: no form of its own, Enter adds the place instead of saving the record.
import { useState } from 'preact/hooks';
import { ApiError, messageOf } from '../session/api.ts';
import type { Vault } from '../session/vault.ts';
import { PLACE_KINDS } from '../../../core/records/vocabulary-words.ts';
import { addEntry } from './client.ts';
import { TermSelect, TextField } from '../ui/fields.tsx';
import { Feedback } from '../ui/Feedback.tsx';
import { useWords } from '../i18n/context.tsx';
import { recordsWords } from './words.ts';

/** A registry code from a name: letters and digits kept (any script), the rest made dashes. */
export function codeFromName(name: string): string {
  const code = name
    .normalize('NFC')
    .toLocaleLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 34)
    .replace(/-+$/, '');
  return code || 'place';
}

export function AddPlace({ vault, idPrefix, reload, onAdded }: { vault: Vault; idPrefix: string; reload: () => Promise<void>; onAdded: (placeId: string) => void }) {
  const t = useWords(recordsWords);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<(typeof PLACE_KINDS)[number]['key']>('police');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [said, say] = useState('');
  if (!vault.isAdmin) return <p class="hint">{t('onlyAdminsAddPlaces')}</p>;

  async function add() {
    const label = name.trim();
    setError(null);
    if (!label) return setError(t('placeNameNeeded'));
    setBusy(true);
    try {
      const entry = { kind: 'place' as const, labels: { en: label, az: label, ru: label }, placeKind: kind, appealDays: null };
      // The code is only an identifier here; a name already taken as a code gets a suffix.
      const made = await addEntry({ ...entry, code: codeFromName(label) }).catch((e: unknown) => {
        if (e instanceof ApiError && e.code === 'duplicate-code') return addEntry({ ...entry, code: `${codeFromName(label)}-${crypto.randomUUID().slice(0, 5)}` });
        throw e;
      });
      await reload();
      onAdded(made.id);
      say(t('placeAdded', { name: label }));
      setName('');
    } catch (e) {
      setError(messageOf(e, t('placeNotAdded')));
    } finally {
      setBusy(false);
    }
  }

  return (
    <details class="add-place" data-add-place>
      <summary>{t('addPlaceSummary')}</summary>
      <div onKeyDown={(e) => e.key === 'Enter' && (e.target as HTMLElement).tagName === 'INPUT' && (e.preventDefault(), void add())}>
        <TextField id={`${idPrefix}-new-place`} label={t('addPlaceName')} hint={t('addPlaceNameHint')} value={name} onChange={setName} />
        <TermSelect id={`${idPrefix}-new-place-kind`} label={t('kindOfPlace')} terms={PLACE_KINDS} value={kind} onChange={setKind} />
        <button type="button" class="secondary" disabled={busy} onClick={() => void add()}>
          {t('addPlaceButton')}
        </button>
        <Feedback error={error} said={said} />
      </div>
    </details>
  );
}
