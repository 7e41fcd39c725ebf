// Importing a partner's bundle: the file opened here with the organization's records key, the
// partner's channel offered, the incoming people matched; on confirmation the records made anew in
// one request the server applies whole or not at all, then the people marked "same as" merged.
import { useState } from 'preact/hooks';
import { api, messageOf } from '../session/api.ts';
import type { Vault } from '../session/vault.ts';
import { fetchOrgKey } from '../session/org-key.ts';
import { openBundle, BundleError, type BundleProblem } from '../../../core/bundle/envelope.ts';
import type { BundleDocument } from '../../../core/bundle/document.ts';
import { planImport } from '../../../core/bundle/plan.ts';
import type { ImportResult } from '../../../core/bundle/import-request.ts';
import { addChannel, fetchChannels, type Channel } from '../channels/client.ts';
import { useWords } from '../i18n/context.tsx';
import { bytesOf } from './client.ts';
import { useIncomingMatches } from './use-incoming-matches.ts';
import { bundlesWords } from './words.ts';

/** What each problem of an opened file is called (core/bundle/envelope.ts). */
const PROBLEMS = { 'not-a-bundle': 'notBundle', 'unknown-version': 'newerVersion', 'wrong-key': 'wrongKey', damaged: 'damaged', 'too-large': 'tooLarge' } as const satisfies Record<BundleProblem, string>;

export const NEW_CHANNEL = 'new';

export function useBundleImport(vault: Vault) {
  const t = useWords(bundlesWords);
  const [doc, setDoc] = useState<BundleDocument | null>(null);
  const [already, setAlready] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [said, setSaid] = useState('');
  const [done, setDone] = useState<{ result: ImportResult; doc: BundleDocument } | null>(null);
  const incoming = useIncomingMatches(vault);
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
      void incoming.lookFor(opened);
    } catch (e) {
      setError(e instanceof BundleError ? t(PROBLEMS[e.problem]) : messageOf(e, t('notOpened')));
    }
  }

  /** The channel the sources come through: the one chosen, none, or one made now named after the partner. */
  async function channelFor(organization: string): Promise<string | null> {
    if (channel !== NEW_CHANNEL) return channel || null;
    const made = await addChannel(vault, 'partner', organization);
    // Offered from now on: a retry after a failed import uses it rather than making another.
    setPartners((p) => [...p, { ...made, name: organization }]);
    setChannel(made.id);
    return made.id;
  }

  async function confirm() {
    if (!doc) return;
    setBusy(true);
    setError(null);
    setSaid(t('importing'));
    try {
      // The registry as it is now (not the session's copy): entries are matched by code.
      const [{ entries }, recordsKey] = await Promise.all([api<{ entries: { id: string; kind: string; code: string }[] }>('/api/registry'), fetchOrgKey('records', vault.keyring)]);
      const channelId = await channelFor(doc.organization.name);
      const result = await api<ImportResult>('/api/bundles/import', { ...(await planImport(doc, entries, recordsKey)), channelId });
      vault.release('registry');
      const made = Object.values(result.created).reduce((n, c) => n + c, 0);
      const mergedSaid = await incoming.mergeMarked(result);
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

  return { doc, already, busy, error, said, done, incoming, partners, channel, setChannel, choose, confirm };
}
