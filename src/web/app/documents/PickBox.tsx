// Ticking what goes into a document: people, incidents, accounts — a box and its label.
import type { ComponentChildren } from 'preact';

export function PickBox({ id, checked, onChange, children }: { id: string; checked: boolean; onChange: (on: boolean) => void; children: ComponentChildren }) {
  return (
    <>
      <input type="checkbox" id={id} checked={checked} onChange={(e) => onChange(e.currentTarget.checked)} />{' '}
      <label for={id}>{children}</label>
    </>
  );
}

/** A list of ids with one ticked on or off, in the order ticked. */
export const toggled = (ids: string[], id: string, on: boolean) => (on ? [...ids, id] : ids.filter((x) => x !== id));
