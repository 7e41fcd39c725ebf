// A member who accepted an invitation but whose safety code an administrator has not yet checked.
import type { Vault } from '../session/vault.ts';
import { PageHeading } from '../ui/PageHeading.tsx';
import { SafetyCodeOf } from '../ui/SafetyCode.tsx';
import { useWords } from '../i18n/context.tsx';
import { shellWords } from './words.ts';

export function Waiting({ vault }: { vault: Vault }) {
  const t = useWords(shellWords);
  return (
    <main class="narrow">
      <PageHeading>{t('waitingTitle')}</PageHeading>
      <p>{t('waitingIntro')}</p>
      <SafetyCodeOf publicKey={vault.login.keys.publicKey} />
      <p>{t('waitingThen')}</p>
    </main>
  );
}
