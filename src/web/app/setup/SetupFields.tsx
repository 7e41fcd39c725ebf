// The setup form's fields, and reading them back: the organization, its public pages, the first
// administrator. Checked here before any key is made. The fields are not controlled: what was typed
// stays as it is when the form says what is wrong.
import { LANGUAGES, type Language } from '../../../core/i18n/languages.ts';
import { languageName } from '../../../core/i18n/own-name-words.ts';
import { passphraseProblem } from '../entry/passphrase-rules.ts';
import { NewPassphrase } from '../entry/NewPassphrase.tsx';
import { useWords } from '../i18n/context.tsx';
import { entryWords } from '../entry/words.ts';

export interface SetupInput {
  name: string;
  publicTitle: string;
  languages: Language[];
  adminEmail: string;
  passphrase: string;
}

export type SetupProblem = 'chooseLanguage' | 'passphraseTooShort' | 'passphrasesDiffer';

/** The form's answers, or what is wrong with them. */
export function readSetupForm(form: FormData): SetupInput | { problem: SetupProblem } {
  const languages = LANGUAGES.filter((l) => form.getAll('languages').includes(l));
  if (languages.length === 0) return { problem: 'chooseLanguage' };
  const problem = passphraseProblem(form, 'passphrase', 'confirm');
  if (problem) return { problem: problem === 'tooShort' ? 'passphraseTooShort' : 'passphrasesDiffer' };
  return { name: String(form.get('name') ?? ''), publicTitle: String(form.get('publicTitle') ?? ''), languages, adminEmail: String(form.get('email') ?? ''), passphrase: String(form.get('passphrase')) };
}

export function SetupFields({ timeZone }: { timeZone: string }) {
  const t = useWords(entryWords);
  return (
    <>
      <label for="name">{t('organizationName')}</label>
      <input id="name" name="name" required maxLength={200} />
      <label for="publicTitle">{t('publicTitle')}</label>
      <p class="hint" id="publicTitle-hint">
        {t('publicTitleHint')}
      </p>
      <input id="publicTitle" name="publicTitle" required maxLength={100} defaultValue={t('defaultPublicTitle')} aria-describedby="publicTitle-hint" />
      <fieldset>
        <legend>{t('publicLanguages')}</legend>
        {LANGUAGES.map((l) => (
          <div class="choice" key={l}>
            <input type="checkbox" id={`lang-${l}`} name="languages" value={l} defaultChecked />
            <label for={`lang-${l}`} lang={l}>
              {languageName(l)}
            </label>
          </div>
        ))}
      </fieldset>
      <p class="hint">{t('timeZoneNote', { zone: timeZone })}</p>
      <label for="email">{t('adminEmail')}</label>
      <input id="email" name="email" type="email" required autoComplete="username" />
      <NewPassphrase id="passphrase" name="passphrase" againId="confirm" againName="confirm" label={t('passphrase')} againLabel={t('passphraseAgain')} />
    </>
  );
}
