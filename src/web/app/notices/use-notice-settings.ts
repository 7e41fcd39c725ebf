// The member's notice settings: as saved on the server, as being edited, saving them (a new
// webhook's secret comes back once) and sending a test message.
import { useEffect, useState } from 'preact/hooks';
import { api, messageOf } from '../session/api.ts';
import { useWords } from '../i18n/context.tsx';
import { commonWords } from '../i18n/common-words.ts';
import { useFeedback } from '../ui/use-feedback.ts';
import { noticesWords } from './words.ts';
import type { NoticeChannel, NoticeKind } from '../../../core/notices/kinds.ts';
import type { NoticeSaveResponse, NoticeSettingsView } from '../../../core/api/notices.ts';

export function useNoticeSettings() {
  const t = useWords(noticesWords);
  const common = useWords(commonWords);
  const [saved, setSaved] = useState<NoticeSettingsView | null>(null);
  const [channel, setChannel] = useState<NoticeChannel>('none');
  const [kinds, setKinds] = useState<NoticeKind[]>([]);
  const [url, setUrl] = useState('');
  const [secret, setSecret] = useState<string | null>(null);
  const { busy, error, setError, said, setSaid: say, attempt } = useFeedback();

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

  /** One call at a time; what it says (or the error it throws, in `failed`'s words) is shown. */
  const run = (call: () => Promise<void>, failed: string) => {
    say('');
    return attempt(call, failed);
  };

  const save = () =>
    run(async () => {
      // The address goes only with "my webhook"; unchanged, the server keeps its secret.
      const body = { channel, kinds, ...(channel === 'webhook' ? { webhookUrl: url.trim() } : {}) };
      const answer = await api<NoticeSaveResponse>('/api/me/notices', body);
      setSecret(answer.webhookSecret);
      await load();
      say(common('saved'));
    }, common('couldNotSave'));

  const sendTest = () =>
    run(async () => {
      const { sent } = await api<{ sent: boolean }>('/api/me/notices/test', {});
      if (sent) say(t('testSent'));
      else setError(t('testFailed'));
    }, t('testFailed'));

  return { saved, channel, setChannel, kinds, toggle, url, setUrl, secret, forgetSecret: () => setSecret(null), busy, error, said, save, sendTest };
}
