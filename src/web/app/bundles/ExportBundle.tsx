// Sending records to a partner: paste their partner key, compare its fingerprint with them, choose
// incidents, and the bundle is made, compressed and sealed here; the server only records that it
// was made (audit log). The partner's key and name are not stored anywhere.
import { useEffect, useState } from 'preact/hooks';
import { api, messageOf } from '../session/api.ts';
import type { Vault } from '../session/vault.ts';
import { useOpened, type RecordView } from '../records/client.ts';
import { PartnerKeyError, parsePartnerKey, partnerFingerprint, type PartnerKey } from '../../../core/bundle/partner-key.ts';
import { collectBundle } from '../../../core/bundle/collect.ts';
import { sealBundle } from '../../../core/bundle/envelope.ts';
import { countsOf } from '../../../core/bundle/document.ts';
import { Feedback } from '../ui/Feedback.tsx';
import { workspaceGet } from './client.ts';
import { fileSize } from '../evidence/client.ts';
import { useFormats, useWords } from '../i18n/context.tsx';
import { bundlesWords } from './words.ts';

type IncidentPlain = { dateStart: string | null };

export function ExportBundle({ vault }: { vault: Vault }) {
  const t = useWords(bundlesWords);
  const f = useFormats();
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
    api<{ records: RecordView<IncidentPlain>[] }>('/api/records/incident?limit=1000').then((r) => setIncidents(r.records), (e) => setError(messageOf(e, t('incidentsNotLoaded'))));
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
      setKeyError(e instanceof PartnerKeyError ? t('badKey') : (e as Error).message);
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
    setSaid(t('making'));
    try {
      const incidentIds = incidents.filter((i) => chosen.has(i.id)).map((i) => i.id);
      const doc = await collectBundle(workspaceGet, vault.keyring, { incidentIds, organization: vault.login.organization.name });
      const file = await sealBundle(doc, partner.key);
      const counts = countsOf(doc);
      // Recorded before it is offered: no bundle leaves without an audit entry.
      await api('/api/bundles/exported', { bundleId: doc.bundleId, partnerKeyId: partner.key.keyId, counts });
      const url = URL.createObjectURL(new Blob([file as BlobPart], { type: 'application/octet-stream' }));
      setDownload({ url, name: `vigil-bundle-${doc.exportedOn}.vigil` });
      const made = { counts: t('counts', { incidents: counts.incidents, people: counts.persons, acts: counts.acts, sources: counts.sources }), size: fileSize(file.length, f.language) };
      setSaid(label.trim() ? t('readyFor', { ...made, forWhom: label.trim() }) : t('ready', made));
    } catch (e) {
      setSaid('');
      setError(messageOf(e, t('notMade', { reason: (e as Error).message })));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="export-heading">
      <h2 id="export-heading">{t('exportHeading')}</h2>
      <form onSubmit={make}>
        <label for="partner-key">{t('theirKey')}</label>
        <textarea id="partner-key" rows={3} value={keyText} onInput={(e) => void readKey(e.currentTarget.value)} aria-describedby="partner-key-hint" />
        <p id="partner-key-hint" class="hint">
          {t('theirKeyHint')}
        </p>
        {keyError && (
          <p class="error" role="alert">
            {keyError}
          </p>
        )}
        <label for="partner-label">{t('forWhom')}</label>
        <input id="partner-label" value={label} onInput={(e) => setLabel(e.currentTarget.value)} />
        {partner && (
          <>
            <p>
              {t('theirFingerprint')} <strong data-partner-fingerprint>{partner.fingerprint}</strong>
            </p>
            <p class="choice">
              <input id="fingerprint-compared" type="checkbox" checked={compared} onChange={(e) => setCompared(e.currentTarget.checked)} />{' '}
              <label for="fingerprint-compared">{t('compared')}</label>
            </p>
          </>
        )}
        <fieldset>
          <legend>{t('incidentsToInclude')}</legend>
          <label for="bundle-from">{t('fromDay')}</label>
          <input id="bundle-from" type="date" value={from} onInput={(e) => setFrom(e.currentTarget.value)} />
          <label for="bundle-to">{t('toDay')}</label>
          <input id="bundle-to" type="date" value={to} onInput={(e) => setTo(e.currentTarget.value)} />
          <p>
            <button type="button" onClick={() => setChosen(new Set(shown.map((i) => i.id)))}>
              {t('chooseAll', { count: shown.length })}
            </button>{' '}
            <button type="button" onClick={() => setChosen(new Set())}>
              {t('chooseNone')}
            </button>
          </p>
          {shown.length === 0 && <p>{t(from || to ? 'noIncidentsInDays' : 'noIncidents')}</p>}
          <ul class="plain-list">
            {shown.map((i) => (
              <li key={i.id} class="choice">
                <input id={`bundle-${i.id}`} type="checkbox" checked={chosen.has(i.id)} onChange={() => toggle(i.id)} />{' '}
                <label for={`bundle-${i.id}`}>
                  {t('incidentChoice', { code: i.code, title: titles.get(i.id)?.title ?? '', date: i.plain.dateStart ? f.day(i.plain.dateStart) : t('dateUnknown') })}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <p class="hint">{t('whatGoes')}</p>
        <button type="submit" disabled={busy || !partner || !compared || chosen.size === 0}>
          {t('make')}
        </button>
        <Feedback error={error} said={said} />
        {download && (
          <p>
            <a href={download.url} download={download.name} data-bundle-download>
              {t('saveFile', { name: download.name })}
            </a>
          </p>
        )}
      </form>
    </section>
  );
}
