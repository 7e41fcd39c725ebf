// Receiving records from a partner: the file is opened here with the organization's records key
// (current or older), summarised record by record, and only on confirmation made into this
// organization's records — new ids, sealed to its own records key — in one request the server
// applies whole or not at all. A bundle already imported adds nothing. Each named person is
// compared in this browser with the people on record (issue 11); those the member marks "same as
// P-0042" are merged into that person right after the import (by record ids only). The bundle's
// sources come through the partner's channel (a list of an estimate, issue 12): an existing one, or
// one made now named after the partner (the name is sealed here).
import type { Vault } from '../session/vault.ts';
import { countsOf } from '../../../core/bundle/document.ts';
import { Feedback } from '../ui/Feedback.tsx';
import { NO_CHANNEL, channelTitle, type Channel } from '../channels/client.ts';
import { useFormats, useWords } from '../i18n/context.tsx';
import { BundleContents } from './BundleContents.tsx';
import { NEW_CHANNEL, useBundleImport } from './use-bundle-import.ts';
import { bundlesWords } from './words.ts';

export function ImportBundle({ vault }: { vault: Vault }) {
  const t = useWords(bundlesWords);
  const f = useFormats();
  const { doc, already, busy, error, said, done, incoming, partners, channel, setChannel, choose, confirm } = useBundleImport(vault);
  const counts = doc && countsOf(doc);
  return (
    <section aria-labelledby="import-heading">
      <h2 id="import-heading">{t('importHeading')}</h2>
      <label for="bundle-file">{t('bundleFile')}</label>
      <input id="bundle-file" type="file" accept=".vigil,application/octet-stream" onChange={(e) => void choose(e.currentTarget.files?.[0])} />
      <Feedback error={error} said={said} />
      {doc && counts && (
        <div data-bundle-summary>
          <h3>{t('fromOrganization', { organization: doc.organization.name, day: f.day(doc.exportedOn) })}</h3>
          <p>
            {t('contents', { incidents: counts.incidents, people: counts.persons, acts: counts.acts, detentions: counts.detentions, involvements: counts.involvements, sources: counts.sources })}
            {already > 0 && ` ${t('importedBefore', { count: already })}`}
          </p>
          <BundleContents doc={doc} matches={incoming.matches} same={incoming.same} onMark={incoming.mark} />
          {!incoming.matches && <p role="status">{t('looking')}</p>}
          <PartnerChannel organization={doc.organization.name} partners={partners} channel={channel} onChange={setChannel} />
          <button type="button" onClick={() => void confirm()} disabled={busy}>
            {t('importThem')}
          </button>
        </div>
      )}
      {done && (
        <ul class="plain-list" data-bundle-imported>
          {done.doc.incidents.map((i) => (
            <li key={i.originalId}>
              <a href={`#records/${done.result.ids[i.originalId]}`}>{t('openImported', { code: i.originalCode })}</a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The partner's channel (one list of an estimate): an existing one, a new one named after them, or none. */
function PartnerChannel({ organization, partners, channel, onChange }: { organization: string; partners: Channel[]; channel: string; onChange: (channel: string) => void }) {
  const t = useWords(bundlesWords);
  return (
    <>
      <label for="bundle-channel">{t('channelOfRecords')}</label>
      <p id="bundle-channel-hint" class="hint">
        {t('channelHint')}
      </p>
      <select id="bundle-channel" aria-describedby="bundle-channel-hint" value={channel} onChange={(e) => onChange(e.currentTarget.value)}>
        {!partners.some((p) => p.name === organization) && <option value={NEW_CHANNEL}>{t('newChannel', { organization })}</option>}
        {partners.map((p) => (
          <option key={p.id} value={p.id}>
            {channelTitle(p)}
          </option>
        ))}
        <option value={NO_CHANNEL}>{t('noChannel')}</option>
      </select>
    </>
  );
}
