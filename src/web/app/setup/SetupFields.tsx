// The setup form's fields, and reading them back: the organization, its public pages, the first
// administrator. Checked here before any key is made. The fields are not controlled: what was typed
// stays as it is when the form says what is wrong.
import { LANGUAGES, type Language } from '../../../core/i18n/languages.ts';
import { languageName } from '../../../core/i18n/language-words.ts';
import { MIN_PASSPHRASE } from '../entry/passphrase-rules.ts';
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
  const passphrase = String(form.get('passphrase') ?? '');
  if (languages.length === 0) return { problem: 'chooseLanguage' };
  if (passphrase.length < MIN_PASSPHRASE) return { problem: 'passphraseTooShort' };
  if (passphrase !== form.get('confirm')) return { problem: 'passphrasesDiffer' };
  return { name: String(form.get('name') ?? ''), publicTitle: String(form.get('publicTitle') ?? ''), languages, adminEmail: String(form.get('email') ?? ''), passphrase };
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
      <label for="passphrase">{t('passphrase')}</label>
      <input id="passphrase" name="passphrase" type="password" required minLength={MIN_PASSPHRASE} autoComplete="new-password" />
      <label for="confirm">{t('passphraseAgain')}</label>
      <input id="confirm" name="confirm" type="password" required autoComplete="new-password" />
    </>
  );
}
