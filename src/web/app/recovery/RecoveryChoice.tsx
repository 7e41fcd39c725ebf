// The trustees' shares opened the organization's keys: give them to an administrator (a new
// passphrase for one who lost theirs, or a new administrator), or lock the organization down.
import { useState } from 'preact/hooks';
import { api, messageOf } from '../session/api.ts';
import { grantRequest } from '../../../core/recovery/requests.ts';
import { MIN_PASSPHRASE } from '../entry/passphrase-rules.ts';
import { Feedback } from '../ui/Feedback.tsx';
import type { Keyring } from '../../../core/keyring.ts';
import type { RecoveryOpened } from '../../../core/api/recovery.ts';
import { freshAnswer, type KitKey } from './challenge.ts';
import { useWords } from '../i18n/context.tsx';
import { recoveryWords } from './words.ts';

/** What the trustees' shares opened: the kit's key (to answer the next challenge), the keys, and who can be given them. */
export interface Opened {
  kit: KitKey;
  keyring: Keyring;
  administrators: RecoveryOpened['administrators'];
}

type Choice = { kind: 'existing'; id: string; email: string } | { kind: 'new' } | { kind: 'lockdown' };

export function RecoveryChoice({ opened }: { opened: Opened }) {
  const [choice, setChoice] = useState<Choice>(opened.administrators[0] ? { kind: 'existing', ...opened.administrators[0] } : { kind: 'new' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const t = useWords(recoveryWords);

  async function submit(event: Event) {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const field = (name: string) => String(form.get(name) ?? '');
    if (choice.kind !== 'lockdown' && field('passphrase').length < MIN_PASSPHRASE) return setError(t('passphraseShort', { min: MIN_PASSPHRASE }));
    if (choice.kind !== 'lockdown' && field('passphrase') !== field('confirm')) return setError(t('notSame'));
    setBusy(true);
    setError(null);
    try {
      if (choice.kind === 'lockdown') {
        await api('/api/recovery/lockdown', { answer: await freshAnswer(opened.kit), organizationName: field('name') });
        setDone(t('lockedDown'));
      } else {
        const email = choice.kind === 'existing' ? choice.email : field('email').trim().toLowerCase();
        const target = choice.kind === 'existing' ? { ...choice, passphrase: field('passphrase') } : { kind: 'new' as const, email, passphrase: field('passphrase') };
        await api('/api/recovery/grant', await grantRequest(await freshAnswer(opened.kit), opened.keyring, target));
        setDone(t('granted', { email }));
      }
      opened.keyring.forget();
      opened.kit.privateKey.fill(0);
    } catch (e) {
      setError(messageOf(e, t('didNotWork')));
    } finally {
      setBusy(false);
    }
  }

  if (done) return <p role="status">{done}</p>;
  const pick = (next: Choice) => () => (setChoice(next), setError(null));
  return (
    <form onSubmit={submit}>
      <fieldset>
        <legend>{t('whatNow')}</legend>
        {opened.administrators.map((a) => (
          <div class="choice" key={a.id}>
            <input type="radio" name="choice" id={`admin-${a.id}`} checked={choice.kind === 'existing' && choice.id === a.id} onChange={pick({ kind: 'existing', ...a })} />
            <label for={`admin-${a.id}`}>{t('giveNewPassphrase', { email: a.email })}</label>
          </div>
        ))}
        <div class="choice">
          <input type="radio" name="choice" id="choice-new" checked={choice.kind === 'new'} onChange={pick({ kind: 'new' })} />
          <label for="choice-new">{t('makeNewAdmin')}</label>
        </div>
        <div class="choice">
          <input type="radio" name="choice" id="choice-lockdown" checked={choice.kind === 'lockdown'} onChange={pick({ kind: 'lockdown' })} />
          <label for="choice-lockdown">{t('lockDownChoice')}</label>
        </div>
      </fieldset>
      <ChoiceFields choice={choice} />
      <Feedback error={error} />
      <button type="submit" class={choice.kind === 'lockdown' ? 'danger' : undefined} disabled={busy}>
        {busy ? t('working') : choice.kind === 'lockdown' ? t('lockDownNow') : t('giveKeys')}
      </button>
    </form>
  );
}

/** What the chosen action needs typed: a new passphrase (and an email for a new administrator), or the organization's name. */
function ChoiceFields({ choice }: { choice: Choice }) {
  const t = useWords(recoveryWords);
  return (
    <>
      {choice.kind === 'new' && (
        <>
          <label for="email">{t('newAdminEmail')}</label>
          <input id="email" name="email" type="email" required autoComplete="off" />
        </>
      )}
      {choice.kind === 'lockdown' ? (
        <>
          <p>{t('lockdownWarning')}</p>
          <label for="name">{t('orgName')}</label>
          <input id="name" name="name" required autoComplete="off" />
        </>
      ) : (
        <>
          <label for="passphrase">{t('newPassphrase')}</label>
          <input id="passphrase" name="passphrase" type="password" required minLength={MIN_PASSPHRASE} autoComplete="new-password" />
          <label for="confirm">{t('newPassphraseAgain')}</label>
          <input id="confirm" name="confirm" type="password" required autoComplete="new-password" />
        </>
      )}
    </>
  );
}
