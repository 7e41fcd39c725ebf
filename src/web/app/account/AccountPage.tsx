import type { Vault } from '../vault.ts';
import { PageHeading } from '../PageHeading.tsx';
import { SafetyCodeOf } from '../SafetyCode.tsx';
import { ROLE_NAMES } from '../members/roles.ts';
import { SessionList } from './SessionList.tsx';
import { ChangePassphrase } from './ChangePassphrase.tsx';
import { SecondFactors } from './SecondFactors.tsx';
import { NoticesSection } from '../notices/NoticesSection.tsx';

export function AccountPage({ vault }: { vault: Vault }) {
  return (
    <main>
      <PageHeading>My account</PageHeading>
      <p>
        {vault.me.email} · {ROLE_NAMES[vault.me.role]} in {vault.login.organization.name}
      </p>
      <SecondFactors mustEnrol={!!vault.login.mustEnrolSecondFactor} />
      <SessionList />
      <NoticesSection email={vault.me.email} />
      <ChangePassphrase vault={vault} />
      <section aria-labelledby="my-code-title">
        <h2 id="my-code-title">Your safety code</h2>
        <p>The code an administrator compared with you when you joined. It changes only if your keys change.</p>
        <SafetyCodeOf publicKey={vault.login.keys.publicKey} />
      </section>
    </main>
  );
}
