// The trustees type their shares one at a time; each is checked as it is typed, and the page
// keeps only the shares, never the text, once added.
import { useState } from 'preact/hooks';
import type { PublicRecoveryKit } from '../../../core/api/recovery.ts';
import type { RecoveryShare } from '../../../core/recovery/shares.ts';
import { Feedback } from '../Feedback.tsx';
import { checkShare } from './share-check.ts';

export function ShareEntry({ kit, added, onAdd }: { kit: PublicRecoveryKit; added: RecoveryShare[]; onAdd: (share: RecoveryShare) => void }) {
  const [text, setText] = useState('');
  const check = checkShare(text, kit, added);

  function add(event: Event) {
    event.preventDefault();
    if (!check.ok) return;
    onAdd(check.share);
    setText('');
  }

  // How the kit is split is on every share: known once the first is added.
  const first = added[0];
  const needed = first ? first.threshold - added.length : 0;
  return (
    <form onSubmit={add}>
      <p role="status">
        {!first ? 'No share added yet.' : `Added: ${added.map((s) => `share ${s.number}`).join(', ')}.`} {first && needed > 0 && `${needed} more ${needed === 1 ? 'share is' : 'shares are'} needed (any ${first.threshold} of ${first.of}).`}
      </p>
      <label for="share">Share {added.length + 1}: its words</label>
      <p class="hint" id="share-hint">
        The trustee types the words of their sheet, in order, with spaces or new lines between them; capitals and numbering do not matter.
      </p>
      <textarea id="share" rows={5} value={text} spellcheck={false} autoComplete="off" autoCapitalize="none" aria-describedby="share-hint" onInput={(e) => setText(e.currentTarget.value)} />
      <Feedback error={check.ok ? null : check.error} said={check.said} />
      <button type="submit" disabled={!check.ok}>
        Add this share
      </button>
    </form>
  );
}
