// A catalog message with elements in it (a link, an address in <code>): each such `{name}` argument
// is given as a marker, and the marker then replaced by its element — the words stay in one message,
// in the order each language puts them.
import type { ComponentChildren } from 'preact';

/** The value to give `{name}` in the message. */
export const marker = (name: string) => `\u0001${name}\u0001`;

export function Linked({ text, parts }: { text: string; parts: Record<string, ComponentChildren> }) {
  return <>{text.split(/\u0001(\w+)\u0001/).map((piece, i) => (i % 2 ? parts[piece] : piece))}</>;
}
