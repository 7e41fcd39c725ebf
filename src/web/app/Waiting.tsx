// A member who accepted an invitation but whose safety code an administrator has not yet checked.
import type { Vault } from './vault.ts';
import { PageHeading } from './PageHeading.tsx';
import { SafetyCodeOf } from './SafetyCode.tsx';

export function Waiting({ vault }: { vault: Vault }) {
  return (
    <main class="narrow">
      <PageHeading>Waiting for your administrator</PageHeading>
      <p>
        You are in, but you hold no keys yet. Read this safety code to the administrator who invited you, in person or by
        phone. They will grant you access only if it matches what they see.
      </p>
      <SafetyCodeOf publicKey={vault.login.keys.publicKey} />
      <p>When they have confirmed, lock and log in again to receive the keys.</p>
    </main>
  );
}
