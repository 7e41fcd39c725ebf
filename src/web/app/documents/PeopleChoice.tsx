// The people a UN communication is about: everyone on record (merged ones left out), each shown
// with how their consent lets them be named and whether they are held now.
import { useEffect, useState } from 'preact/hooks';
import { api, messageOf } from '../session/api.ts';
import type { Vault } from '../session/vault.ts';
import { useOpened, type RecordView } from '../records/client.ts';
import { termLabel } from '../ui/fields.tsx';
import { CONSENT_SHARING, NAME_PREFERENCES } from '../../../core/records/vocabulary-words.ts';
import { unNaming } from '../../../core/documents/consent.ts';
import { useLanguage, useWords } from '../i18n/context.tsx';
import { PickBox } from './PickBox.tsx';
import { documentsWords } from './words.ts';

/** Everyone who may be chosen, who is held now, and their names opened here. */
function usePeople(vault: Vault, onError: (message: string) => void) {
  const t = useWords(documentsWords);
  const [people, setPeople] = useState<RecordView[]>([]);
  const [held, setHeld] = useState<Set<string>>(new Set());
  const names = useOpened<{ name?: string }>(vault, 'person', people);
  useEffect(() => {
    api<{ records: RecordView[] }>('/api/records/person?limit=1000&merged=exclude').then((r) => setPeople(r.records), (e) => onError(messageOf(e, t('peopleNotLoaded'))));
    api<{ held: { personId: string }[] }>('/api/board/held').then((r) => setHeld(new Set(r.held.map((h) => h.personId))), () => undefined);
  }, []);
  return { people, held, names };
}

interface Props {
  vault: Vault;
  chosen: string[];
  busy: boolean;
  onToggle: (personId: string, on: boolean) => void;
  onSubmit: (e: Event) => void;
  onError: (message: string) => void;
}

export function PeopleChoice({ vault, chosen, busy, onToggle, onSubmit, onError }: Props) {
  const t = useWords(documentsWords);
  const { language } = useLanguage();
  const { people, held, names } = usePeople(vault, onError);
  return (
    <form class="document-form" onSubmit={onSubmit} aria-label={t('peopleConcerned')}>
      <fieldset>
        <legend>{t('peopleConcerned')}</legend>
        {people.length === 0 && <p class="hint">{t('noPeople')}</p>}
        <ul class="people-pick">
          {people.map((p) => (
            <li key={p.id} data-person={p.code}>
              <PickBox id={`appeal-person-${p.id}`} checked={chosen.includes(p.id)} onChange={(on) => onToggle(p.id, on)}>
                {t('personChoice', {
                  code: p.code,
                  name: names.get(p.id)?.name ?? '',
                  consent: termLabel(CONSENT_SHARING, String(p.plain.consentSharing), language),
                  naming: unNaming(p.plain),
                  preference: termLabel(NAME_PREFERENCES, String(p.plain.namePreference), language).toLocaleLowerCase(language),
                  held: held.has(p.id) ? 'yes' : 'no',
                })}
              </PickBox>
            </li>
          ))}
        </ul>
      </fieldset>
      <button type="submit" disabled={busy}>
        {t('prepare')}
      </button>
    </form>
  );
}
