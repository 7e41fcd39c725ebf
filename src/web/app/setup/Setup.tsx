// First-run setup: the organization's keys and the first administrator's are made in this browser
// from the form's answers; the server receives public keys and locked copies only — and this
// browser's time zone, the organization's until an administrator changes it.
import { useState } from 'preact/hooks';
import { api, ApiError } from '../session/api.ts';
import { prepareOrganization } from '../../../core/keyring.ts';
import { DEFAULT_TIME_ZONE } from '../../../core/i18n/format.ts';
import { OrganizationReady } from './OrganizationReady.tsx';
import { SetupFields, readSetupForm } from './SetupFields.tsx';
import { MIN_PASSPHRASE } from '../entry/passphrase-rules.ts';
import { KeysForm } from '../entry/KeysForm.tsx';
import { useWords } from '../i18n/context.tsx';
import { LanguageSwitch } from '../i18n/LanguageSwitch.tsx';
import { entryWords } from '../entry/words.ts';
import { useTabTitle } from '../ui/tab-title.ts';

const browserTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || DEFAULT_TIME_ZONE;

export function Setup({ token }: { token: string }) {
  const t = useWords(entryWords);
  useTabTitle(t('setupTitle'));
  const [done, setDone] = useState(false);
  const [timeZone] = useState(browserTimeZone);

  function problem(form: FormData): string | null {
    const input = readSetupForm(form);
    return 'problem' in input ? t(input.problem, { min: MIN_PASSPHRASE }) : null;
  }

  async function create(form: FormData) {
    const input = readSetupForm(form);
    if ('problem' in input) return;
    const request = await prepareOrganization(input, token);
    await api('/api/setup', { ...request, organization: { ...request.organization, timeZone } });
    setDone(true);
  }

  if (done) return <OrganizationReady />;
  return (
    <main class="narrow">
      <LanguageSwitch />
      <h1>{t('setupTitle')}</h1>
      <p>{t('setupIntro')}</p>
      <KeysForm problem={problem} make={create} failed={(e) => (e instanceof ApiError ? e.message : t('setupFailed'))} label={t('createOrganization')} busyLabel={t('makingKeys')}>
        <SetupFields timeZone={timeZone} />
      </KeysForm>
    </main>
  );
}
