// First-run setup: the organization's keys and the first administrator's are made in this browser
// from the form's answers; the server receives public keys and locked copies only — and this
// browser's time zone, the organization's until an administrator changes it.
import { useState } from 'preact/hooks';
import { api, ApiError } from '../session/api.ts';
import { prepareOrganization } from '../../../core/keyring.ts';
import { DEFAULT_TIME_ZONE } from '../../../core/i18n/format.ts';
import { Feedback } from '../ui/Feedback.tsx';
import { OrganizationReady } from './OrganizationReady.tsx';
import { SetupFields, readSetupForm } from './SetupFields.tsx';
import { MIN_PASSPHRASE } from '../entry/passphrase-rules.ts';
import { useWords } from '../i18n/context.tsx';
import { LanguageSwitch } from '../i18n/LanguageSwitch.tsx';
import { entryWords } from '../entry/words.ts';
import { useTabTitle } from '../shell/tab-title.ts';

const browserTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || DEFAULT_TIME_ZONE;

export function Setup({ token }: { token: string }) {
  const t = useWords(entryWords);
  useTabTitle(t('setupTitle'));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [timeZone] = useState(browserTimeZone);

  async function submit(event: Event) {
    event.preventDefault();
    const input = readSetupForm(new FormData(event.currentTarget as HTMLFormElement));
    if ('problem' in input) return setError(t(input.problem, { min: MIN_PASSPHRASE }));
    setError(null);
    setBusy(true);
    try {
      const request = await prepareOrganization(input, token);
      await api('/api/setup', { ...request, organization: { ...request.organization, timeZone } });
      setDone(true);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : t('setupFailed'));
    } finally {
      setBusy(false);
    }
  }

  if (done) return <OrganizationReady />;
  return (
    <main class="narrow">
      <LanguageSwitch />
      <h1>{t('setupTitle')}</h1>
      <p>{t('setupIntro')}</p>
      <form onSubmit={submit}>
        <SetupFields timeZone={timeZone} />
        <Feedback error={error} />
        <button type="submit" disabled={busy}>
          {busy ? t('makingKeys') : t('createOrganization')}
        </button>
      </form>
    </main>
  );
}
