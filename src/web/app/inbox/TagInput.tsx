// Typing a tag to add (the open report's tags, the bulk bar, the "t" key's prompt): the known tags
// offered as it is typed, and the server's rule checked before anything is sent.
import { useState } from 'preact/hooks';
import { tagOf } from './triage.ts';
import { useWords } from '../i18n/context.tsx';
import { inboxWords } from './words.ts';

/** The text typed and, on submit, the tag it makes (cleared after) or the reason it makes none. */
export function useTagInput(onTag: (tag: string) => void) {
  const t = useWords(inboxWords);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  function submit(event: Event) {
    event.preventDefault();
    const tag = tagOf(text);
    if (!tag) return setError(t('badTag'));
    setError(null);
    setText('');
    onTag(tag);
  }
  return { text, setText, error, submit };
}

interface Props {
  id: string;
  value: string;
  onInput: (text: string) => void;
  placeholder?: string;
  autoFocus?: boolean;
  describedBy?: string;
}

export function TagInput({ id, value, onInput, placeholder, autoFocus, describedBy }: Props) {
  return (
    <input
      id={id}
      value={value}
      onInput={(e) => onInput(e.currentTarget.value)}
      list="known-tags"
      placeholder={placeholder}
      autoComplete="off"
      maxLength={40}
      autoFocus={autoFocus}
      aria-describedby={describedBy}
    />
  );
}
