// /invite/<token>: the invitee makes their own keys here; only the public key and a locked copy
// of the private key go to the server. Then they read their safety code to the administrator.
import { useState } from 'preact/hooks';
import { api, ApiError } from '../session/api.ts';
import { prepareMember } from '../../../core/keyring.ts';
import { fingerprintOf } from '../../../core/crypto/fingerprint.ts';
import { fromBase64Url } from '../../../core/crypto/bytes.ts';
import { SafetyCode } from '../ui/SafetyCode.tsx';
import { PageHeading } from '../ui/PageHeading.tsx';
import { MIN_PASSPHRASE, passphraseProblem } from './passphrase-rules.ts';
import { KeysForm } from './KeysForm.tsx';
import { NewPassphrase } from './NewPassphrase.tsx';
import { useWords } from '../i18n/context.tsx';
import { LanguageSwitch } from '../i18n/LanguageSwitch.tsx';
import { entryWords } from './words.ts';
import { useTabTitle } from '../ui/tab-title.ts';

export function Invitation({ token }: { token: string }) {
  const t = useWords(entryWords);
  const [code, setCode] = useState<string | null>(null);
  useTabTitle(t(code ? 'safetyCodeTitle' : 'joinTitle'));

  async function join(form: FormData) {
    const member = await prepareMember(String(form.get('email') ?? '').trim(), String(form.get('passphrase') ?? ''));
    await api('/api/invitations/accept', { token, member });
    setCode(await fingerprintOf(fromBase64Url(member.publicKey)!));
  }

  function failed(e: unknown): string {
    if (e instanceof ApiError && e.status === 404) return t('invitationGone');
    if (e instanceof ApiError && e.code === 'already-member') return t('alreadyMember');
    return e instanceof ApiError ? e.message : t('keysNotMade');
  }

  if (code) return <ReadYourCode code={code} />;
  return (
    <main class="narrow">
      <LanguageSwitch />
      <PageHeading>{t('joinTitle')}</PageHeading>
      <p>{t('joinIntro')}</p>
      <KeysForm problem={(form) => newPassphraseProblem(form, t)} make={join} failed={failed} label={t('makeKeysAndJoin')} busyLabel={t('makingKeys')}>
        <label for="email">{t('yourEmail')}</label>
        <input id="email" name="email" type="email" required autoComplete="username" />
        <NewPassphrase id="passphrase" name="passphrase" againId="confirm" againName="confirm" label={t('passphrase')} againLabel={t('passphraseAgain')} hint={t('passphraseHint', { min: MIN_PASSPHRASE })} />
      </KeysForm>
    </main>
  );
}

/** The passphrase check, in the invitation's words. */
function newPassphraseProblem(form: FormData, t: (key: 'passphraseTooShort' | 'passphrasesDiffer', values?: { min: number }) => string): string | null {
  const problem = passphraseProblem(form, 'passphrase', 'confirm');
  return problem === 'tooShort' ? t('passphraseTooShort', { min: MIN_PASSPHRASE }) : problem === 'differ' ? t('passphrasesDiffer') : null;
}

/** After joining: the safety code to read to the administrator, over another channel. */
function ReadYourCode({ code }: { code: string }) {
  const t = useWords(entryWords);
  return (
    <main class="narrow">
      <LanguageSwitch />
      <PageHeading>{t('safetyCodeTitle')}</PageHeading>
      <SafetyCode code={code} />
      <p>
        <strong>{t('readCode')}</strong>
      </p>
      <p>{t('notSameChannel')}</p>
      <p>
        <a href="/app">{t('logInToWorkspace')}</a>
      </p>
    </main>
  );
}
