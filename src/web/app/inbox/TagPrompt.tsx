// The "t" key: a small dialog asking which tag to add.
import { Dialog } from '../ui/Dialog.tsx';
import { TagInput, useTagInput } from './TagInput.tsx';
import { Feedback } from '../ui/Feedback.tsx';
import { useWords } from '../i18n/context.tsx';
import { commonWords } from '../i18n/common-words.ts';
import { inboxWords } from './words.ts';

export function TagPrompt({ count, onAdd, onClose }: { count: number; onAdd: (tag: string) => void; onClose: () => void }) {
  const t = useWords(inboxWords);
  const tc = useWords(commonWords);
  const { text, setText, error, submit } = useTagInput(onAdd);
  return (
    <Dialog title={t('tagPromptTitle', { count })} onClose={onClose}>
      <form onSubmit={submit}>
        <label for="prompt-tag">{t('tagLabel')}</label>
        <TagInput id="prompt-tag" value={text} onInput={setText} autoFocus />
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
