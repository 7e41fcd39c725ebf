// "Rotate now": new intake, records and backup keys made in this browser and sealed to exactly the
// members whose role holds each (and to the trustees' recovery kit), for when keys may have leaked.
import { useState } from 'preact/hooks';
import { messageOf } from '../session/api.ts';
import type { Vault } from '../session/vault.ts';
import { Feedback } from '../ui/Feedback.tsx';
import { rotateNow } from './key-changes.ts';
import { keysNamed } from './key-names.ts';
import { useLanguage, useWords } from '../i18n/context.tsx';
import { membersWords } from './words.ts';

export function RotateNow({ vault, onRotated }: { vault: Vault; onRotated: () => void }) {
  const [busy, setBusy] = useState(false);
  const [said, say] = useState('');
  const [error, setError] = useState<string | null>(null);
  const t = useWords(membersWords);
  const { language } = useLanguage();

  async function rotate() {
    setBusy(true);
    setError(null);
    try {
      const purposes = await rotateNow(vault);
      say(t('rotated', { keys: keysNamed(purposes, language) }));
      onRotated();
    } catch (e) {
      setError(messageOf(e, t('rotateFailed')));
      say('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="rotate-title">
      <h2 id="rotate-title">{t('rotateTitle')}</h2>
      <p>{t('rotateText')}</p>
      <button type="button" disabled={busy} onClick={rotate}>
        {busy ? t('rotating') : t('rotateNow')}
      </button>
      <Feedback error={error} said={said} />
    </section>
  );
}
