// Partners: our partner key to give out, sending a sealed bundle, importing one (admins and coordinators).
import type { Vault } from '../session/vault.ts';
import { PageHeading } from '../ui/PageHeading.tsx';
import { OwnPartnerKey } from './OwnPartnerKey.tsx';
import { ExportBundle } from './ExportBundle.tsx';
import { ImportBundle } from './ImportBundle.tsx';
import { useWords } from '../i18n/context.tsx';
import { bundlesWords } from './words.ts';

export function PartnersPage({ vault }: { vault: Vault }) {
  const t = useWords(bundlesWords);
  return (
    <main class="wide-ish">
      <PageHeading>{t('title')}</PageHeading>
      <p>{t('intro')}</p>
      <OwnPartnerKey vault={vault} />
      <ExportBundle vault={vault} />
      <ImportBundle vault={vault} />
    </main>
  );
}
