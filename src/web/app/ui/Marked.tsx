// A translated sentence with one part set off (a page's name in bold, a command as code) without
// cutting the sentence into pieces for the translators: the part is found in the finished text.
import type { ComponentChildren } from 'preact';

export function Marked({ text, part, as: Tag = 'strong' }: { text: string; part: string; as?: 'strong' | 'code' }): ComponentChildren {
  const at = part ? text.indexOf(part) : -1;
  if (at < 0) return text;
  return (
    <>
      {text.slice(0, at)}
      <Tag>{part}</Tag>
      {text.slice(at + part.length)}
    </>
  );
}
