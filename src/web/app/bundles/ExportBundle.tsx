// Sending records to a partner: paste their partner key, compare its fingerprint with them, choose
// incidents, and the bundle is made, compressed and sealed here; the server only records that it
// was made (audit log). The partner's key and name are not stored anywhere.
import { useEffect, useState } from 'preact/hooks';
import { api, messageOf } from '../session/api.ts';
import type { Vault } from '../session/vault.ts';
import { collectBundle } from '../../../core/bundle/collect.ts';
import { sealBundle } from '../../../core/bundle/envelope.ts';
import { countsOf } from '../../../core/bundle/document.ts';
import type { PartnerKey } from '../../../core/bundle/partner-key.ts';
import { Feedback } from '../ui/Feedback.tsx';
import { workspaceGet } from './client.ts';
import { fileSize } from '../evidence/client.ts';
import { useFormats, useWords } from '../i18n/context.tsx';
import { IncidentChoice, useIncidentChoice } from './IncidentChoice.tsx';
import { PartnerKeyEntry, usePartner } from './PartnerKeyEntry.tsx';
import { bundlesWords } from './words.ts';

/** Collects the incidents' records, seals them for the partner and has the audit log record it. */
async function sealedBundle(vault: Vault, incidentIds: string[], partnerKey: PartnerKey) {
  const doc = await collectBundle(workspaceGet, vault.keyring, { incidentIds, organization: vault.login.organization.name });
  const file = await sealBundle(doc, partnerKey);
  const counts = countsOf(doc);
  // Recorded before it is offered: no bundle leaves without an audit entry.
  await api('/api/bundles/exported', { bundleId: doc.bundleId, partnerKeyId: partnerKey.keyId, counts });
  return { file, counts, name: `vigil-bundle-${doc.exportedOn}.vigil` };
}

export function ExportBundle({ vault }: { vault: Vault }) {
  const t = useWords(bundlesWords);
  const f = useFormats();
  const partner = usePartner();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [said, setSaid] = useState('');
  const [download, setDownload] = useState<{ url: string; name: string } | null>(null);
  const choice = useIncidentChoice(vault, setError);
  useEffect(() => () => download && URL.revokeObjectURL(download.url), [download]);
  const ready = partner.partner !== null && partner.compared && choice.chosen.size > 0;

  async function make(e: Event) {
    e.preventDefault();
    if (!partner.partner || !ready) return;
    setBusy(true);
    setError(null);
    setSaid(t('making'));
    try {
      const { file, counts, name } = await sealedBundle(vault, choice.chosenIds(), partner.partner.key);
      setDownload({ url: URL.createObjectURL(new Blob([file as BlobPart], { type: 'application/octet-stream' })), name });
      const made = { counts: t('counts', { incidents: counts.incidents, people: counts.persons, acts: counts.acts, sources: counts.sources }), size: fileSize(file.length, f.language) };
      const forWhom = partner.label.trim();
      setSaid(forWhom ? t('readyFor', { ...made, forWhom }) : t('ready', made));
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
        <PartnerKeyEntry partner={partner} />
        <IncidentChoice choice={choice} />
        <p class="hint">{t('whatGoes')}</p>
        <button type="submit" disabled={busy || !ready}>
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
