// The trustees type their shares one at a time; each is checked as it is typed, and the page
// keeps only the shares, never the text, once added.
import { useState } from 'preact/hooks';
import type { PublicRecoveryKit } from '../../../core/api/recovery.ts';
import type { RecoveryShare } from '../../../core/recovery/shares.ts';
import { Feedback } from '../ui/Feedback.tsx';
import { checkShare } from './share-check.ts';
import { LOCALES } from '../../../core/i18n/message.ts';
import { useLanguage, useWords } from '../i18n/context.tsx';
import { recoveryWords } from './words.ts';

export function ShareEntry({ kit, added, onAdd }: { kit: PublicRecoveryKit; added: RecoveryShare[]; onAdd: (share: RecoveryShare) => void }) {
  const [text, setText] = useState('');
  const t = useWords(recoveryWords);
  const { language } = useLanguage();
  const check = checkShare(text, kit, added, language);

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
        {first ? t('added', { list: new Intl.ListFormat(LOCALES[language]).format(added.map((s) => t('shareNumber', { number: s.number }))) }) : t('noneAdded')}{' '}
        {first && needed > 0 && t('moreNeeded', { needed, threshold: first.threshold, of: first.of })}
      </p>
      <label for="share">{t('shareLabel', { number: added.length + 1 })}</label>
      <p class="hint" id="share-hint">
        {t('shareHint')}
      </p>
      <textarea id="share" rows={5} value={text} spellcheck={false} autoComplete="off" autoCapitalize="none" aria-describedby="share-hint" onInput={(e) => setText(e.currentTarget.value)} />
      <Feedback error={check.ok ? null : check.error} said={check.said} />
      <button type="submit" disabled={!check.ok}>
        {t('addShare')}
      </button>
    </form>
  );
}
