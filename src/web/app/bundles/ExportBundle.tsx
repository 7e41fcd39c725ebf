// Sending records to a partner: paste their partner key, compare its fingerprint with them, choose
// incidents, and the bundle is made, compressed and sealed here; the server only records that it
// was made (audit log). The partner's key and name are not stored anywhere.
import { useEffect, useState } from 'preact/hooks';
import { api, messageOf } from '../api.ts';
import type { Vault } from '../vault.ts';
import { useOpened, type RecordView } from '../records/client.ts';
import { parsePartnerKey, partnerFingerprint, type PartnerKey } from '../../../core/bundle/partner-key.ts';
import { collectBundle } from '../../../core/bundle/collect.ts';
import { sealBundle } from '../../../core/bundle/envelope.ts';
import { countsOf } from '../../../core/bundle/document.ts';
import { Feedback } from '../Feedback.tsx';
import { kilobytes, workspaceGet } from './client.ts';

type IncidentPlain = { dateStart: string | null };

export function ExportBundle({ vault }: { vault: Vault }) {
  const [keyText, setKeyText] = useState('');
  const [partner, setPartner] = useState<{ key: PartnerKey; fingerprint: string } | null>(null);
  const [keyError, setKeyError] = useState<string | null>(null);
  const [label, setLabel] = useState('');
  const [compared, setCompared] = useState(false);
  const [incidents, setIncidents] = useState<RecordView<IncidentPlain>[]>([]);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [chosen, setChosen] = useState(new Set<string>());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [said, setSaid] = useState('');
  const [download, setDownload] = useState<{ url: string; name: string } | null>(null);
  const titles = useOpened<{ title?: string }>(vault, 'incident', incidents);

  useEffect(() => {
    api<{ records: RecordView<IncidentPlain>[] }>('/api/records/incident?limit=1000').then((r) => setIncidents(r.records), (e) => setError(messageOf(e, 'The incidents could not be loaded.')));
  }, []);
  useEffect(() => () => download && URL.revokeObjectURL(download.url), [download]);

  async function readKey(text: string) {
    setKeyText(text);
    setCompared(false);
    setPartner(null);
    if (!text.trim()) return setKeyError(null);
    try {
      const key = await parsePartnerKey(text);
      setPartner({ key, fingerprint: await partnerFingerprint(key) });
      setKeyError(null);
    } catch (e) {
      setKeyError((e as Error).message);
    }
  }

  // A date range narrows the list; an incident with an unknown date is always listed.
  const shown = incidents.filter((i) => !i.plain.dateStart || ((!from || i.plain.dateStart >= from) && (!to || i.plain.dateStart.slice(0, to.length) <= to)));
  const toggle = (id: string) =>
    setChosen((c) => {
      const next = new Set(c);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  async function make(e: Event) {
    e.preventDefault();
    if (!partner || !compared || chosen.size === 0) return;
    setBusy(true);
    setError(null);
    setSaid('Making the bundle…');
    try {
      const incidentIds = incidents.filter((i) => chosen.has(i.id)).map((i) => i.id);
      const doc = await collectBundle(workspaceGet, vault.keyring, { incidentIds, organization: vault.login.organization.name });
      const file = await sealBundle(doc, partner.key);
      const counts = countsOf(doc);
      // Recorded before it is offered: no bundle leaves without an audit entry.
      await api('/api/bundles/exported', { bundleId: doc.bundleId, partnerKeyId: partner.key.keyId, counts });
      const url = URL.createObjectURL(new Blob([file as BlobPart], { type: 'application/octet-stream' }));
      setDownload({ url, name: `vigil-bundle-${doc.exportedOn}.vigil` });
      setSaid(`Bundle ready${label.trim() ? ` for ${label.trim()}` : ''}: ${counts.incidents} incidents, ${counts.persons} people, ${counts.acts} acts, ${counts.sources} sources (${kilobytes(file.length)}). Save it and send it to the partner.`);
    } catch (e) {
      setSaid('');
      setError(messageOf(e, `The bundle could not be made: ${(e as Error).message}`));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="export-heading">
      <h2 id="export-heading">Send records to a partner</h2>
      <form onSubmit={make}>
        <label for="partner-key">The partner's key</label>
        <textarea id="partner-key" rows={3} value={keyText} onInput={(e) => void readKey(e.currentTarget.value)} aria-describedby="partner-key-hint" />
        <p id="partner-key-hint" class="hint">
          Paste the key the partner sent you (it starts with vigil-partner-key/1).
        </p>
        {keyError && (
          <p class="error" role="alert">
            {keyError}
          </p>
        )}
        <label for="partner-label">Who it is for (shown only here, not stored)</label>
        <input id="partner-label" value={label} onInput={(e) => setLabel(e.currentTarget.value)} />
        {partner && (
          <>
            <p>
              Fingerprint of this key: <strong data-partner-fingerprint>{partner.fingerprint}</strong>
            </p>
            <p class="choice">
              <input id="fingerprint-compared" type="checkbox" checked={compared} onChange={(e) => setCompared(e.currentTarget.checked)} />{' '}
              <label for="fingerprint-compared">I read this fingerprint with the partner (by phone or in person) and it matches theirs</label>
            </p>
          </>
        )}
        <fieldset>
          <legend>Incidents to include</legend>
          <label for="bundle-from">From (day)</label>
          <input id="bundle-from" type="date" value={from} onInput={(e) => setFrom(e.currentTarget.value)} />
          <label for="bundle-to">To (day)</label>
          <input id="bundle-to" type="date" value={to} onInput={(e) => setTo(e.currentTarget.value)} />
          <p>
            <button type="button" onClick={() => setChosen(new Set(shown.map((i) => i.id)))}>
              Choose all {shown.length} shown
            </button>{' '}
            <button type="button" onClick={() => setChosen(new Set())}>
              Choose none
            </button>
          </p>
          {shown.length === 0 && <p>No incidents{from || to ? ' in these days' : ''}.</p>}
          <ul class="plain-list">
            {shown.map((i) => (
              <li key={i.id} class="choice">
                <input id={`bundle-${i.id}`} type="checkbox" checked={chosen.has(i.id)} onChange={() => toggle(i.id)} />{' '}
                <label for={`bundle-${i.id}`}>
                  {i.code} {titles.get(i.id)?.title ?? ''} ({i.plain.dateStart ?? 'date unknown'})
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <p class="hint">People who did not consent to sharing go without their name, contacts or other identity; gender identity never leaves. Follow-up and inbox reports are not included.</p>
        <button type="submit" disabled={busy || !partner || !compared || chosen.size === 0}>
          Make the sealed bundle
        </button>
        <Feedback error={error} said={said} />
        {download && (
          <p>
            <a href={download.url} download={download.name} data-bundle-download>
              Save the bundle file ({download.name})
            </a>
          </p>
        )}
      </form>
    </section>
  );
}
