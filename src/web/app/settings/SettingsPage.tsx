// The organization's settings (administrators): name, public title, public languages, time zone and
// quick-exit address, saved on the version they were read at (a change made meanwhile by another
// administrator is shown, not overwritten).
import { useEffect, useState } from 'preact/hooks';
import { LANGUAGES, type Language } from '../../../core/i18n/languages.ts';
import { isExitAddress, type SettingsView } from '../../../core/api/settings.ts';
import { api, ApiError, messageOf } from '../session/api.ts';
import { Feedback } from '../ui/Feedback.tsx';
import { PageHeading } from '../ui/PageHeading.tsx';
import { commonWords } from '../i18n/common-words.ts';
import { useLanguage, useWords } from '../i18n/context.tsx';
import { settingsWords } from './words.ts';

const ZONES: readonly string[] = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['UTC'];

export function SettingsPage() {
  const t = useWords(settingsWords);
  const common = useWords(commonWords);
  const { setTimeZone } = useLanguage();
  const [settings, setSettings] = useState<SettingsView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [said, setSaid] = useState('');
  const [busy, setBusy] = useState(false);

  const load = () => api<SettingsView>('/api/organization').then(setSettings, (e) => setError(messageOf(e, common('couldNotLoad'))));
  useEffect(() => void load(), []);

  async function save(event: Event) {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const chosen = LANGUAGES.filter((l) => form.getAll('languages').includes(l));
    const first = form.get('firstLanguage') as Language;
    const languages = chosen.includes(first) ? [first, ...chosen.filter((l) => l !== first)] : chosen;
    const exitUrl = form.get('exit') === 'own' ? null : String(form.get('exitUrl') ?? '').trim();
    setSaid('');
    if (languages.length === 0) return setError(t('chooseLanguage'));
    if (exitUrl !== null && (!isExitAddress(exitUrl) || exitUrl.startsWith('/'))) return setError(t('badExit'));
    setError(null);
    setBusy(true);
    try {
      const next = { name: String(form.get('name') ?? ''), publicTitle: String(form.get('publicTitle') ?? ''), languages, timeZone: String(form.get('timeZone')), exitUrl };
      const saved = await api<SettingsView>('/api/organization', { ...next, version: settings!.version });
      setSaid(saved.version === settings!.version ? t('unchanged') : t('saved'));
      setSettings(saved);
      setTimeZone(saved.timeZone);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'edit-conflict') {
        setError(t('conflict'));
        await load();
      } else setError(messageOf(e, common('couldNotSave')));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main>
      <PageHeading>{t('title')}</PageHeading>
      <p>{t('lead')}</p>
      {settings ? <SettingsForm key={settings.version} settings={settings} busy={busy} onSubmit={save} /> : !error && <p>{common('loading')}</p>}
      <Feedback error={error} said={said} />
    </main>
  );
}

function SettingsForm({ settings, busy, onSubmit }: { settings: SettingsView; busy: boolean; onSubmit: (event: Event) => void }) {
  const t = useWords(settingsWords);
  const common = useWords(commonWords);
  const [exitOwn, setExitOwn] = useState(settings.exitUrl === null);
  const zones = ZONES.includes(settings.timeZone) ? ZONES : [settings.timeZone, ...ZONES];
  return (
    <form class="stack" onSubmit={onSubmit}>
      <label for="settings-name">{t('name')}</label>
      <input id="settings-name" name="name" required maxLength={200} defaultValue={settings.name} />
      <label for="settings-title">{t('publicTitle')}</label>
      <p class="hint" id="settings-title-hint">{t('publicTitleHint')}</p>
      <input id="settings-title" name="publicTitle" required maxLength={100} defaultValue={settings.publicTitle} aria-describedby="settings-title-hint" />
      <fieldset>
        <legend>{t('languages')}</legend>
        {LANGUAGES.map((l) => (
          <label key={l} class="choice">
            <input type="checkbox" name="languages" value={l} defaultChecked={settings.languages.includes(l)} /> <span lang={l}>{common(l)}</span>
          </label>
        ))}
        <label for="settings-first">{t('firstLanguage')}</label>
        <select id="settings-first" name="firstLanguage" defaultValue={settings.languages[0]}>
          {LANGUAGES.map((l) => (
            <option key={l} value={l} lang={l}>
              {common(l)}
            </option>
          ))}
        </select>
      </fieldset>
      <label for="settings-zone">{t('timeZone')}</label>
      <select id="settings-zone" name="timeZone" defaultValue={settings.timeZone}>
        {zones.map((z) => (
          <option key={z} value={z}>
            {z}
          </option>
        ))}
      </select>
      <fieldset>
        <legend>{t('exit')}</legend>
        <p class="hint">{t('exitHint')}</p>
        <label class="choice">
          <input type="radio" name="exit" value="own" checked={exitOwn} onChange={() => setExitOwn(true)} /> {t('exitOwn', { address: settings.defaultExitUrl })}
        </label>
        <label class="choice">
          <input type="radio" name="exit" value="other" checked={!exitOwn} onChange={() => setExitOwn(false)} /> {t('exitOther')}
        </label>
        {!exitOwn && (
          <>
            <label for="settings-exit">{t('exitAddress')}</label>
            <input id="settings-exit" name="exitUrl" type="url" required maxLength={500} defaultValue={settings.exitUrl ?? ''} />
          </>
        )}
      </fieldset>
      <button type="submit" disabled={busy}>
        {busy ? common('saving') : common('save')}
      </button>
    </form>
  );
}
