// Where an imported record came from: the partner's bundle, its day, their code for the record.
// The partner's name is sealed to the records key; without it the line says "a partner".
import { useEffect, useState } from 'preact/hooks';
import { api } from '../session/api.ts';
import type { Vault } from '../session/vault.ts';
import { openFields } from '../../../core/records/sealing.ts';
import type { ProvenanceView } from '../../../core/bundle/import-request.ts';
import { useFormats, useWords } from '../i18n/context.tsx';
import { provenanceWords } from './provenance-words.ts';

export function Provenance({ vault, recordId }: { vault: Vault; recordId: string }) {
  const t = useWords(provenanceWords);
  const f = useFormats();
  const [line, setLine] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void (async () => {
      const { provenance } = await api<{ provenance: ProvenanceView | null }>(`/api/provenance/${recordId}`);
      if (!provenance) return;
      const origin = await openFields<{ organization: string; exportedOn: string }>(provenance.origin, 'bundle', provenance.bundleId, vault.keyring).catch(() => null);
      const said = { code: provenance.originalCode, imported: f.day(provenance.importedOn) };
      if (live) setLine(origin ? t('fromBundle', { ...said, organization: origin.organization, day: f.day(origin.exportedOn) }) : t('fromSomeBundle', said));
    })().catch(() => undefined);
    return () => {
      live = false;
    };
  }, [recordId, t]);
  return line ? (
    <p class="facts" data-provenance>
      {line}
    </p>
  ) : null;
}
