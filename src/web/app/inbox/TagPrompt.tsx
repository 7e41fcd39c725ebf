// The "t" key: a small dialog asking which tag to add.
import { useState } from 'preact/hooks';
import { Dialog } from '../Dialog.tsx';
import { tagOf } from './triage.ts';
import { TAG_RULE } from './TagEditor.tsx';
import { Feedback } from '../Feedback.tsx';

export function TagPrompt({ count, onAdd, onClose }: { count: number; onAdd: (tag: string) => void; onClose: () => void }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <Dialog title={count === 1 ? 'Add a tag to this report' : `Add a tag to ${count} selected reports`} onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const tag = tagOf(text);
          if (!tag) return setError(`That tag cannot be used. ${TAG_RULE}`);
          onAdd(tag);
        }}
      >
        <label for="prompt-tag">Tag</label>
        <input id="prompt-tag" value={text} onInput={(e) => setText(e.currentTarget.value)} list="known-tags" autoComplete="off" maxLength={40} autoFocus />
        <Feedback error={error} />
        <div class="actions">
          <button type="submit">Add tag</button>
          <button type="button" class="secondary" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
