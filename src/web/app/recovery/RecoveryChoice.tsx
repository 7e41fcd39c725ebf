// The trustees' shares opened the organization's keys: give them to an administrator (a new
// passphrase for one who lost theirs, or a new administrator), or lock the organization down.
import { useState } from 'preact/hooks';
import { api, messageOf } from '../api.ts';
import { grantRequest } from '../../../core/recovery/requests.ts';
import { forgetKeys } from '../vault.ts';
import { MIN_PASSPHRASE } from '../passphrase-rules.ts';
import { Feedback } from '../Feedback.tsx';
import type { Keyring } from '../../../core/keyring.ts';
import type { RecoveryOpened } from '../../../core/api/recovery.ts';
import { freshAnswer, type KitKey } from './challenge.ts';

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

  async function submit(event: Event) {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const field = (name: string) => String(form.get(name) ?? '');
    if (choice.kind !== 'lockdown' && field('passphrase').length < MIN_PASSPHRASE) return setError(`The passphrase must have at least ${MIN_PASSPHRASE} characters; four or more random words are best.`);
    if (choice.kind !== 'lockdown' && field('passphrase') !== field('confirm')) return setError('The two passphrases are not the same.');
    setBusy(true);
    setError(null);
    try {
      if (choice.kind === 'lockdown') {
        await api('/api/recovery/lockdown', { answer: await freshAnswer(opened.kit), organizationName: field('name') });
        setDone('The organization is locked down: every session ended, every key on this server and the backups in its own folder are destroyed, logins are refused. Recover on a new server from a backup kept elsewhere and these shares.');
      } else {
        const email = choice.kind === 'existing' ? choice.email : field('email').trim().toLowerCase();
        const target = choice.kind === 'existing' ? { ...choice, passphrase: field('passphrase') } : { kind: 'new' as const, email, passphrase: field('passphrase') };
        await api('/api/recovery/grant', await grantRequest(await freshAnswer(opened.kit), opened.keyring, target));
        setDone(`Done: ${email} can now log in at /app with the new passphrase and holds every key of the organization.`);
      }
      forgetKeys(opened.keyring);
      opened.kit.privateKey.fill(0);
    } catch (e) {
      setError(messageOf(e, 'This did not work. Nothing was changed.'));
    } finally {
      setBusy(false);
    }
  }

  if (done) return <p role="status">{done}</p>;
  const pick = (next: Choice) => () => (setChoice(next), setError(null));
  return (
    <form onSubmit={submit}>
      <fieldset>
        <legend>The shares opened the organization's keys. What now?</legend>
        {opened.administrators.map((a) => (
          <div class="choice" key={a.id}>
            <input type="radio" name="choice" id={`admin-${a.id}`} checked={choice.kind === 'existing' && choice.id === a.id} onChange={pick({ kind: 'existing', ...a })} />
            <label for={`admin-${a.id}`}>Give {a.email} a new passphrase</label>
          </div>
        ))}
        <div class="choice">
          <input type="radio" name="choice" id="choice-new" checked={choice.kind === 'new'} onChange={pick({ kind: 'new' })} />
          <label for="choice-new">Make a new administrator</label>
        </div>
        <div class="choice">
          <input type="radio" name="choice" id="choice-lockdown" checked={choice.kind === 'lockdown'} onChange={pick({ kind: 'lockdown' })} />
          <label for="choice-lockdown">Lock the organization down</label>
        </div>
      </fieldset>
      <ChoiceFields choice={choice} />
      <Feedback error={error} />
      <button type="submit" class={choice.kind === 'lockdown' ? 'danger' : undefined} disabled={busy}>
        {busy ? 'Working…' : choice.kind === 'lockdown' ? 'Lock down now' : 'Give the keys'}
      </button>
    </form>
  );
}

/** What the chosen action needs typed: a new passphrase (and an email for a new administrator), or the organization's name. */
function ChoiceFields({ choice }: { choice: Choice }) {
  return (
    <>
      {choice.kind === 'new' && (
        <>
          <label for="email">The new administrator's email</label>
          <input id="email" name="email" type="email" required autoComplete="off" />
        </>
      )}
      {choice.kind === 'lockdown' ? (
        <>
          <p>
            Every session ends and every key on this server is destroyed: nobody's passphrase opens anything here any more.
            Reports still arrive, sealed. Type the organization's name exactly to confirm.
          </p>
          <label for="name">The organization's name</label>
          <input id="name" name="name" required autoComplete="off" />
        </>
      ) : (
        <>
          <label for="passphrase">New passphrase</label>
          <input id="passphrase" name="passphrase" type="password" required minLength={MIN_PASSPHRASE} autoComplete="new-password" />
          <label for="confirm">New passphrase again</label>
          <input id="confirm" name="confirm" type="password" required autoComplete="new-password" />
        </>
      )}
    </>
  );
}
