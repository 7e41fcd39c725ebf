// The evidence attached to a report or a record: what each file is (opened here), its working
// copy (metadata removed) to look at, its original (checked against the hash taken at receipt) to
// download, and its custody log. Documenters and up can attach files.
import { useEffect, useState } from 'preact/hooks';
import { api, messageOf } from '../session/api.ts';
import type { Vault } from '../session/vault.ts';
import type { AttachmentMeta } from '../../../core/evidence/attachment.ts';
import { fileSize, metaOf, uploadAttachment, verifiedOriginal, workingCopy, type AttachmentView, type OwnerType } from './client.ts';
import { Feedback } from '../ui/Feedback.tsx';
import { useFormats, useWords } from '../i18n/context.tsx';
import { evidenceWords } from './words.ts';

/** The custody log's actions (core/api/evidence.ts), as the catalog names them. */
const ACTIONS: Record<string, 'received' | 'viewedWorking' | 'openedOriginal' | 'checked' | 'shared' | 'exported' | 'relinked'> = {
  received: 'received',
  'viewed-working': 'viewedWorking',
  'opened-original': 'openedOriginal',
  verified: 'checked',
  shared: 'shared',
  exported: 'exported',
  relinked: 'relinked',
};

export function Attachments({ vault, owner }: { vault: Vault; owner: { type: OwnerType; id: string } }) {
  const t = useWords(evidenceWords);
  const [list, setList] = useState<{ view: AttachmentView; meta: AttachmentMeta | null }[]>([]);
  const [round, setRound] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [said, say] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void api<{ attachments: AttachmentView[] }>(`/api/attachments?ownerId=${owner.id}`)
      .then(async ({ attachments }) => Promise.all(attachments.map(async (view) => ({ view, meta: await metaOf(vault, view) }))))
      .then((opened) => live && setList(opened), (e) => live && setError(messageOf(e, t('notLoaded'))));
    return () => {
      live = false;
    };
  }, [owner.id, round]);

  async function attach(event: Event) {
    event.preventDefault();
    const input = (event.currentTarget as HTMLFormElement).querySelector<HTMLInputElement>('input[type=file]')!;
    const files = [...(input.files ?? [])];
    if (files.length === 0) return;
    setBusy(true);
    setError(null);
    try {
      for (const file of files) await uploadAttachment(vault, owner, file);
      say(t('attached', { count: files.length }));
      input.value = '';
      setRound((n) => n + 1);
    } catch (e) {
      setError(messageOf(e, t('notAttached')));
    } finally {
      setBusy(false);
    }
  }

  const inputId = `attach-${owner.id}`;
  return (
    <section class="attachments" aria-label={t('evidence')}>
      <h3>{t('evidence')}</h3>
      {list.length === 0 && <p>{t('noFiles')}</p>}
      <ul>
        {list.map(({ view, meta }) => (
          <Attachment key={view.id} vault={vault} view={view} meta={meta} onSaid={say} onError={setError} />
        ))}
      </ul>
      {vault.canTriage && (
        <form onSubmit={attach}>
          <label for={inputId}>{t('attachFiles')}</label>
          <input id={inputId} type="file" multiple />
          <button type="submit" class="small" disabled={busy}>
            {t('attach')}
          </button>
        </form>
      )}
      <Feedback error={error} said={said} />
    </section>
  );
}

function Attachment({ vault, view, meta, onSaid, onError }: { vault: Vault; view: AttachmentView; meta: AttachmentMeta | null; onSaid: (s: string) => void; onError: (s: string) => void }) {
  const [preview, setPreview] = useState<string | null>(null);
  const [download, setDownload] = useState<{ url: string; verified: boolean } | null>(null);
  const t = useWords(evidenceWords);
  const f = useFormats();
  const [custody, setCustody] = useState<{ at: string; action: string; by: string }[] | null>(null);
  useEffect(() => () => [preview, download?.url].forEach((u) => u && URL.revokeObjectURL(u)), [preview, download]);
  if (!meta) return <li data-attachment={view.id}>{t('sealedElsewhere', { size: fileSize(view.size, f.language) })}</li>;

  const run = (what: () => Promise<void>) => () => void what().catch((e) => onError(messageOf(e, t('notOpened'))));
  const showWorking = run(async () => setPreview(URL.createObjectURL(await workingCopy(vault, view, meta))));
  const openOriginal = run(async () => {
    const { blob, verified } = await verifiedOriginal(vault, view, meta);
    setDownload({ url: URL.createObjectURL(blob), verified });
    onSaid(t(verified ? 'matches' : 'mismatch', { name: meta.name }));
  });
  const showCustody = run(async () => setCustody((await api<{ entries: { at: string; action: string; by: string }[] }>(`/api/attachments/${view.id}/custody`)).entries));

  return (
    <li data-attachment={view.id} class="card">
      <strong>{meta.name}</strong> · {t('fileLine', { type: meta.type || t('unknownType'), size: fileSize(meta.size, f.language), from: view.fromReporter ? 'reporter' : 'team' })}
      <p class="hint" data-stripped={meta.stripped}>
        {t(meta.stripped === 'image-reencoded' ? 'stripped' : 'notStripped')}
      </p>
      {view.hasWorkingCopy && (
        <button type="button" class="small secondary" onClick={showWorking}>
          {t('viewWorking')}
        </button>
      )}{' '}
      {vault.canTriage && (
        <button type="button" class="small secondary" onClick={openOriginal}>
          {t('checkOriginal')}
        </button>
      )}{' '}
      <button type="button" class="small secondary" onClick={showCustody}>
        {t('custodyLog')}
      </button>
      {preview && meta.workingType?.startsWith('image/') && <img src={preview} alt={t('workingCopyOf', { name: meta.name })} class="evidence-preview" />}
      {download && (
        <p data-verified={String(download.verified)}>
          {t(download.verified ? 'verified' : 'notVerified')}{' '}
          <a href={download.url} download={meta.name}>
            {t('saveOriginal')}
          </a>
        </p>
      )}
      {custody && (
        <ol class="custody">
          {custody.map((c, i) => (
            <li key={i}>
              {t('custodyLine', { at: f.dateTime(c.at), action: ACTIONS[c.action] ? t(ACTIONS[c.action]!) : c.action, by: c.by })}
            </li>
          ))}
        </ol>
      )}
    </li>
  );
}
