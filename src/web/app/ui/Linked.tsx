// A translated sentence with links (or other elements) where its arguments stand: the language
// decides the word order, the page only fills in the pieces.
import { Fragment, type ComponentChild } from 'preact';
import type { MessageArgs } from '../../../core/i18n/message.ts';

const MARK = '\u0001';

/** `t(message, args)` with `parts` put in place of their arguments, e.g. `{ code: <a …>P-0001</a> }`. */
export function Linked<K extends string>({ t, message, parts, args = {} }: { t: (key: K, args?: MessageArgs) => string; message: K; parts: Record<string, ComponentChild>; args?: MessageArgs }) {
  const marked = Object.fromEntries(Object.keys(parts).map((name) => [name, `${MARK}${name}${MARK}`]));
  const pieces = t(message, { ...args, ...marked }).split(MARK);
  return <>{pieces.map((piece, i) => (i % 2 === 1 ? <Fragment key={i}>{parts[piece]}</Fragment> : piece))}</>;
}
