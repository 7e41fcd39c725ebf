// The "t" key: a small dialog asking which tag to add.
import { useState } from 'preact/hooks';
import { Dialog } from '../ui/Dialog.tsx';
import { tagOf } from './triage.ts';
import { Feedback } from '../ui/Feedback.tsx';
import { useWords } from '../i18n/context.tsx';
import { commonWords } from '../i18n/common-words.ts';
import { inboxWords } from './words.ts';

export function TagPrompt({ count, onAdd, onClose }: { count: number; onAdd: (tag: string) => void; onClose: () => void }) {
  const t = useWords(inboxWords);
  const tc = useWords(commonWords);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <Dialog title={t('tagPromptTitle', { count })} onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const tag = tagOf(text);
          if (!tag) return setError(t('badTag'));
          onAdd(tag);
        }}
      >
        <label for="prompt-tag">{t('tagLabel')}</label>
        <input id="prompt-tag" value={text} onInput={(e) => setText(e.currentTarget.value)} list="known-tags" autoComplete="off" maxLength={40} autoFocus />
        <Feedback error={error} />
        <div class="actions">
          <button type="submit">{t('addTag')}</button>
          <button type="button" class="secondary" onClick={onClose}>
            {tc('cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
