// /recover (no login): M trustees type their shares here. The kit's key is made whole in this
// browser only; what reaches the server is a one-time answer to its challenge before each step,
// and then either new keys for an administrator with every organization key sealed to them, or
// the order to lock down.
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, messageOf } from '../session/api.ts';
import { fromBase64Url } from '../../../core/crypto/bytes.ts';
import type { PublicRecoveryKit, RecoveryOpened } from '../../../core/api/recovery.ts';
import { ShareError, combineShares, type RecoveryShare } from '../../../core/recovery/shares.ts';
import { openKitGrants } from '../../../core/recovery/requests.ts';
import { PageHeading } from '../ui/PageHeading.tsx';
import { Feedback } from '../ui/Feedback.tsx';
import { ShareEntry } from './ShareEntry.tsx';
import { RecoveryChoice, type Opened } from './RecoveryChoice.tsx';
import { freshAnswer } from './challenge.ts';
import { translator } from '../../../core/i18n/message.ts';
import { currentLanguage } from '../i18n/language.ts';
import { useWords } from '../i18n/context.tsx';
import { recoveryWords } from './words.ts';

/** What went wrong with the shares, named: the page never says "wrong" of a share that is only missing or doubled. */
function shareProblem(e: ShareError, threshold: number): string {
  const t = translator(recoveryWords, currentLanguage());
  if (e.code === 'not-enough') return t('notEnough', { threshold });
  if (e.code === 'duplicate') return t('duplicate', { share: e.share ?? '' });
  if (e.code === 'foreign') return t('foreign', { share: e.share ?? '' });
  return t('wrongShares');
}

export function RecoverPage() {
  const [kit, setKit] = useState<PublicRecoveryKit | null | undefined>(undefined);
  const [shares, setShares] = useState<RecoveryShare[]>([]);
  const [opened, setOpened] = useState<Opened | null>(null);
  const [error, setError] = useState<string | null>(null);
  const t = useWords(recoveryWords);

  useEffect(() => {
    api<PublicRecoveryKit>('/api/recovery/kit')
      .then(setKit)
      .catch((e) => (e instanceof ApiError && e.status === 404 ? setKit(null) : setError(messageOf(e, t('kitUnreadable')))));
  }, []);

  async function add(share: RecoveryShare) {
    const all = [...shares, share];
    setShares(all);
    // Every share of a kit says how many are needed; the server does not tell anyone who asks.
    if (!kit || all.length < all[0]!.threshold) return;
    setError(null);
    const publicKey = fromBase64Url(kit.publicKey)!;
    let privateKey: Uint8Array | undefined;
    try {
      privateKey = await combineShares(all, { id: kit.id, publicKey });
      const key = { id: kit.id, privateKey };
      const answer = await api<RecoveryOpened>('/api/recovery/open', { answer: await freshAnswer(key) });
      const keyring = await openKitGrants(answer, { privateKey, publicKey });
      // The key stays in this page (like the keys it opened) for the trustees' next step, then is zeroed.
      setOpened({ kit: key, keyring, administrators: answer.administrators });
    } catch (e) {
      privateKey?.fill(0);
      setShares([]);
      setError(e instanceof ShareError ? shareProblem(e, all[0]!.threshold) : messageOf(e, t('kitNotOpened')));
    }
  }

  return (
    <main class="narrow">
      <PageHeading>{t('recoverTitle')}</PageHeading>
      {kit === null && <p>{t('noKit')}</p>}
      {kit && !opened && (
        <>
          <p>{t('recoverIntro', { kit: kit.id })}</p>
          <ShareEntry key={shares.length} kit={kit} added={shares} onAdd={add} />
        </>
      )}
      {opened && <RecoveryChoice opened={opened} />}
      <Feedback error={error} />
    </main>
  );
}
