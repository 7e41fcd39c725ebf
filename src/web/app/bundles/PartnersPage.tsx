// Partners: our partner key to give out, sending a sealed bundle, importing one (admins and coordinators).
import type { Vault } from '../vault.ts';
import { PageHeading } from '../PageHeading.tsx';
import { OwnPartnerKey } from './OwnPartnerKey.tsx';
import { ExportBundle } from './ExportBundle.tsx';
import { ImportBundle } from './ImportBundle.tsx';

export function PartnersPage({ vault }: { vault: Vault }) {
  return (
    <main class="wide-ish">
      <PageHeading>Partners</PageHeading>
      <p>Share records with a partner organization that also runs Vigil: each bundle is sealed to the partner's key, so only their team can open it.</p>
      <OwnPartnerKey vault={vault} />
      <ExportBundle vault={vault} />
      <ImportBundle vault={vault} />
    </main>
  );
}
