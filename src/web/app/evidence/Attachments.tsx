// The evidence attached to a report or a record: what each file is (opened here), its working
// copy (metadata removed) to look at, its original (checked against the hash taken at receipt) to
// download, and its custody log. Documenters and up can attach files.
import { useEffect, useState } from 'preact/hooks';
import { api, messageOf } from '../api.ts';
import type { Vault } from '../vault.ts';
import type { AttachmentMeta } from '../../../core/evidence/attachment.ts';
import { metaOf, uploadAttachment, verifiedOriginal, workingCopy, type AttachmentView, type OwnerType } from './client.ts';
import { Feedback } from '../Feedback.tsx';

const sizeOf = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

export function Attachments({ vault, owner }: { vault: Vault; owner: { type: OwnerType; id: string } }) {
  const [list, setList] = useState<{ view: AttachmentView; meta: AttachmentMeta | null }[]>([]);
  const [round, setRound] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [said, say] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void api<{ attachments: AttachmentView[] }>(`/api/attachments?ownerId=${owner.id}`)
      .then(async ({ attachments }) => Promise.all(attachments.map(async (view) => ({ view, meta: await metaOf(vault, view) }))))
      .then((opened) => live && setList(opened), (e) => live && setError(messageOf(e, 'The attachments could not be loaded.')));
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
      say(`${files.length === 1 ? 'One file' : `${files.length} files`} attached: metadata removed from the working copy, the original kept sealed.`);
      input.value = '';
      setRound((n) => n + 1);
    } catch (e) {
      setError(messageOf(e, e instanceof Error ? e.message : 'The file could not be attached.'));
    } finally {
      setBusy(false);
    }
  }

  const inputId = `attach-${owner.id}`;
  return (
    <section class="attachments" aria-label="Evidence">
      <h3>Evidence</h3>
      {list.length === 0 && <p>No files.</p>}
      <ul>
        {list.map(({ view, meta }) => (
          <Attachment key={view.id} vault={vault} view={view} meta={meta} onSaid={say} onError={setError} />
        ))}
      </ul>
      {vault.canTriage && (
        <form onSubmit={attach}>
          <label for={inputId}>Attach files</label>
          <input id={inputId} type="file" multiple />
          <button type="submit" class="small" disabled={busy}>
            Attach
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
  const [custody, setCustody] = useState<{ at: string; action: string; by: string }[] | null>(null);
  useEffect(() => () => [preview, download?.url].forEach((u) => u && URL.revokeObjectURL(u)), [preview, download]);
  if (!meta) return <li data-attachment={view.id}>A file sealed to a key you do not hold ({sizeOf(view.size)}).</li>;

  const run = (what: () => Promise<void>) => () => void what().catch((e) => onError(messageOf(e, e instanceof Error ? e.message : 'It could not be opened.')));
  const showWorking = run(async () => setPreview(URL.createObjectURL(await workingCopy(vault, view, meta))));
  const openOriginal = run(async () => {
    const { blob, verified } = await verifiedOriginal(vault, view, meta);
    setDownload({ url: URL.createObjectURL(blob), verified });
    onSaid(verified ? `The original of ${meta.name} matches the hash taken when it arrived.` : `Warning: the original of ${meta.name} does NOT match the hash taken when it arrived.`);
  });
  const showCustody = run(async () => setCustody((await api<{ entries: { at: string; action: string; by: string }[] }>(`/api/attachments/${view.id}/custody`)).entries));

  return (
    <li data-attachment={view.id} class="card">
      <strong>{meta.name}</strong> · {meta.type || 'unknown type'} · {sizeOf(meta.size)} · {view.fromReporter ? 'from the reporter' : 'added by the team'}
      <p class="hint" data-stripped={meta.stripped}>
        {meta.stripped === 'image-reencoded' ? 'Working copy: location, camera and other metadata removed.' : 'No working copy could be made: only the original is kept. Open it with care; it may carry metadata.'}
      </p>
      {view.hasWorkingCopy && (
        <button type="button" class="small secondary" onClick={showWorking}>
          View the working copy
        </button>
      )}{' '}
      {vault.canTriage && (
        <button type="button" class="small secondary" onClick={openOriginal}>
          Check and download the original
        </button>
      )}{' '}
      <button type="button" class="small secondary" onClick={showCustody}>
        Custody log
      </button>
      {preview && meta.workingType?.startsWith('image/') && <img src={preview} alt={`Working copy of ${meta.name}`} class="evidence-preview" />}
      {download && (
        <p data-verified={String(download.verified)}>
          {download.verified ? 'Hash verified.' : 'Hash mismatch!'}{' '}
          <a href={download.url} download={meta.name}>
            Save the original
          </a>
        </p>
      )}
      {custody && (
        <ol class="custody">
          {custody.map((c, i) => (
            <li key={i}>
              {c.at.replace('T', ' ').slice(0, 16)} UTC · {c.action} · {c.by}
            </li>
          ))}
        </ol>
      )}
    </li>
  );
}
