// /recover (no login): M trustees type their shares here. The kit's key is made whole in this
// browser only; what reaches the server is the token it gives, and then either new keys for an
// administrator with every organization key sealed to them, or the order to lock down.
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, messageOf } from '../api.ts';
import { fromBase64Url } from '../../../core/crypto/bytes.ts';
import type { PublicRecoveryKit, RecoveryOpened } from '../../../core/api/recovery.ts';
import { ShareError, combineShares, type RecoveryShare } from '../../../core/recovery/shares.ts';
import { recoveryTokenText } from '../../../core/recovery/token.ts';
import { openKitGrants } from '../../../core/recovery/requests.ts';
import { PageHeading } from '../PageHeading.tsx';
import { Feedback } from '../Feedback.tsx';
import { ShareEntry } from './ShareEntry.tsx';
import { RecoveryChoice, type Opened } from './RecoveryChoice.tsx';

export function RecoverPage() {
  const [kit, setKit] = useState<PublicRecoveryKit | null | undefined>(undefined);
  const [shares, setShares] = useState<RecoveryShare[]>([]);
  const [opened, setOpened] = useState<Opened | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api<PublicRecoveryKit>('/api/recovery/kit')
      .then(setKit)
      .catch((e) => (e instanceof ApiError && e.status === 404 ? setKit(null) : setError(messageOf(e, 'The recovery kit could not be read.'))));
  }, []);

  async function add(share: RecoveryShare) {
    const all = [...shares, share];
    setShares(all);
    if (!kit || all.length < kit.threshold) return;
    setError(null);
    const publicKey = fromBase64Url(kit.publicKey)!;
    try {
      const privateKey = await combineShares(all, { id: kit.id, publicKey });
      const token = recoveryTokenText(privateKey);
      const answer = await api<RecoveryOpened>('/api/recovery/open', { token });
      const keyring = await openKitGrants(answer, { privateKey, publicKey });
      privateKey.fill(0);
      setOpened({ token, keyring, administrators: answer.administrators });
    } catch (e) {
      setShares([]);
      if (e instanceof ShareError) setError('These shares do not give the kit\'s key: one of them is wrong (a damaged or altered sheet). Type them again.');
      else setError(messageOf(e, 'The kit could not be opened in this browser.'));
    }
  }

  return (
    <main class="narrow">
      <PageHeading>Recovery by trustees</PageHeading>
      {kit === null && <p>This organization has no recovery kit.</p>}
      {kit && !opened && (
        <>
          <p>
            Meet in person, each with your sheet. Type the shares one after the other on this device; it combines them here and
            sends nothing of them to the server. Any {kit.threshold} of the {kit.shares} shares are needed (kit {kit.id}).
          </p>
          <ShareEntry key={shares.length} kit={kit} added={shares} onAdd={add} />
        </>
      )}
      {opened && <RecoveryChoice opened={opened} />}
      <Feedback error={error} />
    </main>
  );
}
