// Receiving records from a partner: the file is opened here with the organization's records key
// (current or older), summarised record by record, and only on confirmation made into this
// organization's records — new ids, sealed to its own records key — in one request the server
// applies whole or not at all. A bundle already imported adds nothing. Each named person is
// compared in this browser with the people on record (issue 11); those the member marks "same as
// P-0042" are merged into that person right after the import (by record ids only). The bundle's
// sources come through the partner's channel (a list of an estimate, issue 12): an existing one, or
// one made now named after the partner (the name is sealed here).
import { useState } from 'preact/hooks';
import { api, messageOf } from '../session/api.ts';
import type { Vault } from '../session/vault.ts';
import { fetchOrgKey } from '../session/org-key.ts';
import { openBundle, BundleError } from '../../../core/bundle/envelope.ts';
import { countsOf, type BundleDocument } from '../../../core/bundle/document.ts';
import { planImport } from '../../../core/bundle/plan.ts';
import type { ImportResult } from '../../../core/bundle/import-request.ts';
import { Feedback } from '../ui/Feedback.tsx';
import { bytesOf } from './client.ts';
import { actTypeLabel } from '../records/client.ts';
import { termLabel } from '../records/fields.tsx';
import { DETENTION_STATUSES } from '../../../core/records/vocabulary.ts';
import type { PersonLikely } from '../records/likely.ts';
import { percent } from '../linkage/reasons.ts';
import { useIncomingMatches } from './use-incoming-matches.ts';
import { addChannel, channelTitle, fetchChannels, type Channel } from '../channels/client.ts';
import type { BundleProblem } from '../../../core/bundle/envelope.ts';
import { useFormats, useWords } from '../i18n/context.tsx';
import { bundlesWords } from './words.ts';

/** What each problem of an opened file is called (core/bundle/envelope.ts). */
const PROBLEMS = { 'not-a-bundle': 'notBundle', 'unknown-version': 'newerVersion', 'wrong-key': 'wrongKey', damaged: 'damaged', 'too-large': 'tooLarge' } as const satisfies Record<BundleProblem, string>;

const NEW_CHANNEL = 'new';
const NO_CHANNEL = '';

export function ImportBundle({ vault }: { vault: Vault }) {
  const t = useWords(bundlesWords);
  const f = useFormats();
  const [doc, setDoc] = useState<BundleDocument | null>(null);
  const [already, setAlready] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [said, setSaid] = useState('');
  const [done, setDone] = useState<{ result: ImportResult; doc: BundleDocument } | null>(null);
  const { matches, same, lookFor, mark, mergeMarked } = useIncomingMatches(vault);
  const [partners, setPartners] = useState<Channel[]>([]);
  const [channel, setChannel] = useState(NEW_CHANNEL);

  async function choose(file: File | undefined) {
    setDoc(null);
    setDone(null);
    setError(null);
    setSaid('');
    if (!file) return;
    try {
      const opened = await openBundle(await bytesOf(file), vault.keyring);
      const { imported } = await api<{ imported: number }>(`/api/bundles/${opened.bundleId}`);
      setAlready(imported);
      const offered = (await fetchChannels(vault)).filter((c) => c.kind === 'partner' && !c.retired);
      setPartners(offered);
      setChannel(offered.find((c) => c.name === opened.organization.name)?.id ?? NEW_CHANNEL);
      setDoc(opened);
      setSaid(t('opened'));
      void lookFor(opened);
    } catch (e) {
      setError(e instanceof BundleError ? t(PROBLEMS[e.problem]) : messageOf(e, t('notOpened')));
    }
  }

  async function confirm() {
    if (!doc) return;
    setBusy(true);
    setError(null);
    setSaid(t('importing'));
    try {
      // The registry as it is now (not the session's copy): entries are matched by code.
      const [{ entries }, recordsKey] = await Promise.all([api<{ entries: { id: string; kind: string; code: string }[] }>('/api/registry'), fetchOrgKey('records', vault.keyring)]);
      let channelId = channel || null;
      if (channel === NEW_CHANNEL) {
        const made = await addChannel(vault, 'partner', doc.organization.name);
        // Offered from now on: a retry after a failed import uses it rather than making another.
        setPartners((p) => [...p, { ...made, name: doc.organization.name }]);
        setChannel((channelId = made.id));
      }
      const result = await api<ImportResult>('/api/bundles/import', { ...(await planImport(doc, entries, recordsKey)), channelId });
      vault.release('registry');
      const made = Object.values(result.created).reduce((n, c) => n + c, 0);
      const mergedSaid = await mergeMarked(result);
      setSaid([t('imported', { count: made }), result.skipped ? t('skipped', { count: result.skipped }) : '', mergedSaid].filter(Boolean).join(' '));
      setDone({ result, doc });
      setDoc(null);
    } catch (e) {
      setSaid('');
      setError(t('nothingImported', { problem: messageOf(e, t('importFailed')) }));
    } finally {
      setBusy(false);
    }
  }

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
          <BundleContents doc={doc} matches={matches} same={same} onMark={mark} />
          {!matches && <p role="status">{t('looking')}</p>}
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

/** "May be P-0042 Həsənov Elvin (78% likely)": ticking one imports the person and merges them into that one. */
function SameAs({ originalId, originalCode, matches, chosen, onMark }: { originalId: string; originalCode: string; matches: PersonLikely[]; chosen: PersonLikely | undefined; onMark: (originalId: string, match: PersonLikely, on: boolean) => void }) {
  const t = useWords(bundlesWords);
  if (matches.length === 0) return null;
  return (
    <ul class="plain-list same-as">
      {matches.map((m) => {
        const id = `same-${originalId}-${m.person.id}`;
        return (
          <li key={m.person.id} data-may-be={m.person.code}>
            <input id={id} type="checkbox" checked={chosen?.person.id === m.person.id} onChange={(e) => onMark(originalId, m, e.currentTarget.checked)} />{' '}
            <label for={id}>
              {t(m.reasons ? 'sameAsBecause' : 'sameAs', { code: m.person.code, name: m.person.name, likely: percent(m.probability), reasons: m.reasons })}{' '}
              <span class="visually-hidden">{t('forTheir', { code: originalCode })}</span>
            </label>
          </li>
        );
      })}
    </ul>
  );
}

type Incoming = ReturnType<typeof useIncomingMatches>;

/** What the bundle holds, each person with the people already recorded they may be. */
function BundleContents({ doc, matches, same, onMark }: { doc: BundleDocument; onMark: Incoming['mark'] } & Pick<Incoming, 'matches' | 'same'>) {
  const t = useWords(bundlesWords);
  const f = useFormats();
  return (
    <ul class="plain-list">
      {doc.incidents.map((i) => (
        <li key={i.originalId}>
          {t('incidentLine', { code: i.originalCode, title: String(i.fields.title ?? t('noTitle')), date: i.start.date ? f.day(i.start.date) : t('dateUnknown') })}
        </li>
      ))}
      {doc.persons.map((p) => (
        <li key={p.originalId} data-incoming-person={p.originalCode}>
          {t('personLine', { code: p.originalCode, name: p.identityWithheld ? t('identityWithheld') : String(p.fields.name ?? t('noName')) })}
          <SameAs originalId={p.originalId} originalCode={p.originalCode} matches={matches?.get(p.originalId) ?? []} chosen={same.get(p.originalId)} onMark={onMark} />
        </li>
      ))}
      {doc.acts.map((a) => (
        <li key={a.originalId}>
          {t('actLine', { code: a.originalCode, type: actTypeLabel(doc.registry, a.typeCode, f.language) })}
          {a.detention ? `, ${termLabel(DETENTION_STATUSES, a.detention.status, f.language)}` : ''}
        </li>
      ))}
    </ul>
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
