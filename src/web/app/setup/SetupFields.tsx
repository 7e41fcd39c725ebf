// The setup form's fields, and reading them back: the organization, its public pages, the first
// administrator. Checked here before any key is made.
import { LANGUAGES, type Language } from '../../../core/report/answers.ts';
import { MESSAGES } from '../../../core/i18n/index.ts';

const MIN_PASSPHRASE = 12;

export interface SetupInput {
  name: string;
  publicTitle: string;
  languages: Language[];
  adminEmail: string;
  passphrase: string;
}

/** The form's answers, or what is wrong with them. */
export function readSetupForm(form: FormData): SetupInput | { error: string } {
  const languages = LANGUAGES.filter((l) => form.getAll('languages').includes(l));
  const passphrase = String(form.get('passphrase') ?? '');
  if (languages.length === 0) return { error: 'Choose at least one language for the public pages.' };
  if (passphrase.length < MIN_PASSPHRASE) return { error: `The passphrase must have at least ${MIN_PASSPHRASE} characters; four or more random words are best.` };
  if (passphrase !== form.get('confirm')) return { error: 'The two passphrases are not the same.' };
  return { name: String(form.get('name') ?? ''), publicTitle: String(form.get('publicTitle') ?? ''), languages, adminEmail: String(form.get('email') ?? ''), passphrase };
}

export function SetupFields() {
  return (
    <>
      <label for="name">Organization name (private, shown to members only)</label>
      <input id="name" name="name" required maxLength={200} />
      <label for="publicTitle">Public title of the site</label>
      <p class="hint" id="publicTitle-hint">Shown to reporters. Choose something neutral: it must not announce what the site is.</p>
      <input id="publicTitle" name="publicTitle" required maxLength={100} value="Community notes" aria-describedby="publicTitle-hint" />
      <fieldset>
        <legend>Languages of the public pages</legend>
        {LANGUAGES.map((l) => (
          <div class="choice" key={l}>
            <input type="checkbox" id={`lang-${l}`} name="languages" value={l} checked />
            <label for={`lang-${l}`}>{MESSAGES[l].languageName}</label>
          </div>
        ))}
      </fieldset>
      <label for="email">Your email (the first administrator)</label>
      <input id="email" name="email" type="email" required autoComplete="username" />
      <label for="passphrase">Passphrase</label>
      <input id="passphrase" name="passphrase" type="password" required minLength={MIN_PASSPHRASE} autoComplete="new-password" />
      <label for="confirm">Passphrase again</label>
      <input id="confirm" name="confirm" type="password" required autoComplete="new-password" />
    </>
  );
}
