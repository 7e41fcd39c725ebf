// "How Vigil tells you": the member's channel (email, their own webhook, nothing) and the kinds of
// news, saved on the server; a new webhook's signing secret shown once; a test message.
import { Feedback } from '../ui/Feedback.tsx';
import { useWords } from '../i18n/context.tsx';
import { commonWords } from '../i18n/common-words.ts';
import { noticesWords } from './words.ts';
import { NOTICE_CHANNELS, type NoticeChannel, type NoticeKind } from '../../../core/notices/kinds.ts';
import { useNoticeSettings } from './use-notice-settings.ts';

const KIND_LABELS = { urgent: 'kindUrgent', report: 'kindReport', answer: 'kindAnswer', deadline: 'kindDeadline', backup: 'kindBackup' } as const;
const CHANNEL_LABELS = { email: 'byEmail', webhook: 'byWebhook', none: 'byNothing' } as const;
const SAVED_LABELS = { email: 'savedEmail', webhook: 'savedWebhook', none: 'savedNothing' } as const;

export function NoticesSection({ email }: { email: string }) {
  const t = useWords(noticesWords);
  const common = useWords(commonWords);
  const { saved, channel, setChannel, kinds, toggle, url, setUrl, secret, forgetSecret, busy, error, said, save, sendTest } = useNoticeSettings();

  return (
    <section aria-labelledby="notices-title" data-notices>
      <h2 id="notices-title">{t('title')}</h2>
      {saved && (
        <>
          <p>{t('lead', { minutes: saved.everyMinutes })}</p>
          <p data-notices-saved>
            <strong>{t(SAVED_LABELS[saved.channel])}</strong>
          </p>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              void save();
            }}
          >
            <ChannelChoice email={email} hasEmail={saved.email} channel={channel} onChannel={setChannel} />
            {channel === 'webhook' && (
              <>
                <label for="notice-webhook-url">{t('webhookUrl')}</label>
                <p class="hint" id="notice-webhook-hint">
                  {t('webhookHint')}
                </p>
                <input id="notice-webhook-url" type="url" required aria-describedby="notice-webhook-hint" value={url} onInput={(e) => setUrl(e.currentTarget.value)} />
              </>
            )}
            <KindsChoice offered={saved.offered} kinds={kinds} onToggle={toggle} />
            <div class="actions">
              <button type="submit" disabled={busy}>
                {busy ? common('saving') : common('save')}
              </button>
              <button type="button" class="secondary" disabled={busy || saved.channel === 'none'} onClick={() => void sendTest()}>
                {t('sendTest')}
              </button>
            </div>
          </form>
          {secret && <OnceSecret secret={secret} onCopied={forgetSecret} />}
        </>
      )}
      <Feedback error={error} said={said} />
    </section>
  );
}

function ChannelChoice({ email, hasEmail, channel, onChannel }: { email: string; hasEmail: boolean; channel: NoticeChannel; onChannel: (channel: NoticeChannel) => void }) {
  const t = useWords(noticesWords);
  return (
    <fieldset>
      <legend>{t('channelLegend')}</legend>
      {NOTICE_CHANNELS.map((c) => (
        <div key={c}>
          <input type="radio" id={`notice-channel-${c}`} name="notice-channel" value={c} checked={channel === c} disabled={c === 'email' && !hasEmail} onChange={() => onChannel(c)} />{' '}
          <label for={`notice-channel-${c}`}>{t(CHANNEL_LABELS[c], { email })}</label>
        </div>
      ))}
      {!hasEmail && <p class="hint">{t('noEmail')}</p>}
    </fieldset>
  );
}

function KindsChoice({ offered, kinds, onToggle }: { offered: readonly NoticeKind[]; kinds: NoticeKind[]; onToggle: (kind: NoticeKind, on: boolean) => void }) {
  const t = useWords(noticesWords);
  return (
    <fieldset>
      <legend>{t('kindsLegend')}</legend>
      {offered.map((k) => (
        <div key={k}>
          <input type="checkbox" id={`notice-kind-${k}`} checked={kinds.includes(k)} onChange={(e) => onToggle(k, e.currentTarget.checked)} />{' '}
          <label for={`notice-kind-${k}`}>{t(KIND_LABELS[k])}</label>
        </div>
      ))}
    </fieldset>
  );
}

/** A new webhook's signing secret: shown once, until the member says they copied it. */
function OnceSecret({ secret, onCopied }: { secret: string; onCopied: () => void }) {
  const t = useWords(noticesWords);
  return (
    <div class="notice" role="group" aria-label={t('secretGroup')}>
      <p>{t('secretLead')}</p>
      <p>
        <code data-notice-secret>{secret}</code>
      </p>
      <button type="button" class="secondary small" onClick={onCopied}>
        {t('copied')}
      </button>
    </div>
  );
}
