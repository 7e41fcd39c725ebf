// The member's own page: who they are, their language, second factors, sessions, passphrase and
// safety code.
import type { Vault } from '../session/vault.ts';
import { PageHeading } from '../ui/PageHeading.tsx';
import { SafetyCodeOf } from '../ui/SafetyCode.tsx';
import { useRoleName } from '../members/roles.ts';
import { useWords } from '../i18n/context.tsx';
import { SessionList } from './SessionList.tsx';
import { ChangePassphrase } from './ChangePassphrase.tsx';
import { SecondFactors } from './SecondFactors.tsx';
import { MemberLanguage } from './MemberLanguage.tsx';
import { accountWords } from './words.ts';
import { NoticesSection } from '../notices/NoticesSection.tsx';

export function AccountPage({ vault }: { vault: Vault }) {
  const t = useWords(accountWords);
  const roleName = useRoleName();
  return (
    <main>
      <PageHeading>{t('title')}</PageHeading>
      <p>{t('who', { email: vault.me.email, role: roleName(vault.me.role), organization: vault.login.organization.name })}</p>
      <MemberLanguage vault={vault} />
      <NoticesSection email={vault.me.email} />
      <SecondFactors mustEnrol={!!vault.login.mustEnrolSecondFactor} />
      <SessionList />
      <ChangePassphrase vault={vault} />
      <section aria-labelledby="my-code-title">
        <h2 id="my-code-title">{t('myCodeTitle')}</h2>
        <p>{t('myCodeText')}</p>
        <SafetyCodeOf publicKey={vault.login.keys.publicKey} />
      </section>
    </main>
  );
}
