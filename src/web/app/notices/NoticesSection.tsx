// "How Vigil tells you": the member's channel (email, their own webhook, nothing) and the kinds of
// news, saved on the server; a new webhook's signing secret shown once; a test message.
import { useEffect, useState } from 'preact/hooks';
import { api, messageOf } from '../session/api.ts';
import { Feedback } from '../ui/Feedback.tsx';
import { useWords } from '../i18n/context.tsx';
import { commonWords } from '../i18n/common-words.ts';
import { noticesWords } from './words.ts';
import { NOTICE_CHANNELS, type NoticeChannel, type NoticeKind } from '../../../core/notices/kinds.ts';
import type { NoticeSaveResponse, NoticeSettingsView } from '../../../core/api/notices.ts';

const KIND_LABELS = { urgent: 'kindUrgent', report: 'kindReport', answer: 'kindAnswer', deadline: 'kindDeadline', backup: 'kindBackup' } as const;
const CHANNEL_LABELS = { email: 'byEmail', webhook: 'byWebhook', none: 'byNothing' } as const;
const SAVED_LABELS = { email: 'savedEmail', webhook: 'savedWebhook', none: 'savedNothing' } as const;

export function NoticesSection({ email }: { email: string }) {
  const t = useWords(noticesWords);
  const common = useWords(commonWords);
  const [saved, setSaved] = useState<NoticeSettingsView | null>(null);
  const [channel, setChannel] = useState<NoticeChannel>('none');
  const [kinds, setKinds] = useState<NoticeKind[]>([]);
  const [url, setUrl] = useState('');
  const [secret, setSecret] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [said, say] = useState('');

  async function load() {
    const view = await api<NoticeSettingsView>('/api/me/notices');
    setSaved(view);
    setChannel(view.channel);
    setKinds(view.kinds);
    setUrl(view.webhookUrl ?? '');
  }
  useEffect(() => {
    load().catch((e) => setError(messageOf(e, common('couldNotLoad'))));
  }, []);

  const toggle = (kind: NoticeKind, on: boolean) => setKinds((now) => (on ? [...now, kind] : now.filter((k) => k !== kind)));

  async function save(event: Event) {
    event.preventDefault();
    setError(null);
    say('');
    setBusy(true);
    try {
      // The address goes only with "my webhook"; unchanged, the server keeps its secret.
      const body = { channel, kinds, ...(channel === 'webhook' ? { webhookUrl: url.trim() } : {}) };
      const answer = await api<NoticeSaveResponse>('/api/me/notices', body);
      setSecret(answer.webhookSecret);
      await load();
      say(common('saved'));
    } catch (e) {
      setError(messageOf(e, common('couldNotSave')));
    } finally {
      setBusy(false);
    }
  }

  async function sendTest() {
    setError(null);
    say('');
    setBusy(true);
    try {
      const { sent } = await api<{ sent: boolean }>('/api/me/notices/test', {});
      if (sent) say(t('testSent'));
      else setError(t('testFailed'));
    } catch (e) {
      setError(messageOf(e, t('testFailed')));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="notices-title" data-notices>
      <h2 id="notices-title">{t('title')}</h2>
      {saved && (
        <>
          <p>{t('lead', { minutes: saved.everyMinutes })}</p>
          <p data-notices-saved>
            <strong>{t(SAVED_LABELS[saved.channel])}</strong>
          </p>
          <form onSubmit={save}>
            <fieldset>
              <legend>{t('channelLegend')}</legend>
              {NOTICE_CHANNELS.map((c) => (
                <div key={c}>
                  <input type="radio" id={`notice-channel-${c}`} name="notice-channel" value={c} checked={channel === c} disabled={c === 'email' && !saved.email} onChange={() => setChannel(c)} />{' '}
                  <label for={`notice-channel-${c}`}>{t(CHANNEL_LABELS[c], { email })}</label>
                </div>
              ))}
              {!saved.email && <p class="hint">{t('noEmail')}</p>}
            </fieldset>
            {channel === 'webhook' && (
              <>
                <label for="notice-webhook-url">{t('webhookUrl')}</label>
                <p class="hint" id="notice-webhook-hint">
                  {t('webhookHint')}
                </p>
                <input id="notice-webhook-url" type="url" required aria-describedby="notice-webhook-hint" value={url} onInput={(e) => setUrl(e.currentTarget.value)} />
              </>
            )}
            <fieldset>
              <legend>{t('kindsLegend')}</legend>
              {saved.offered.map((k) => (
                <div key={k}>
                  <input type="checkbox" id={`notice-kind-${k}`} checked={kinds.includes(k)} onChange={(e) => toggle(k, e.currentTarget.checked)} />{' '}
                  <label for={`notice-kind-${k}`}>{t(KIND_LABELS[k])}</label>
                </div>
              ))}
            </fieldset>
            <div class="actions">
              <button type="submit" disabled={busy}>
                {busy ? common('saving') : common('save')}
              </button>
              <button type="button" class="secondary" disabled={busy || saved.channel === 'none'} onClick={() => void sendTest()}>
                {t('sendTest')}
              </button>
            </div>
          </form>
          {secret && (
            <div class="notice" role="group" aria-label={t('secretGroup')}>
              <p>{t('secretLead')}</p>
              <p>
                <code data-notice-secret>{secret}</code>
              </p>
              <button type="button" class="secondary small" onClick={() => setSecret(null)}>
                {t('copied')}
              </button>
            </div>
          )}
        </>
      )}
      <Feedback error={error} said={said} />
    </section>
  );
}
