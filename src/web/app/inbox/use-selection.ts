// The reports ticked for acting on together (BulkBar.tsx); with none ticked, keys act on the
// report under the cursor.
import { useState } from 'preact/hooks';

export function useSelection() {
  const [selected, setSelected] = useState<Set<string>>(new Set());
  function select(id: string, on: boolean) {
    setSelected((now) => {
      const next = new Set(now);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }
  const selectOnly = (ids: string[]) => setSelected(new Set(ids));
  const clear = () => setSelected(new Set());
  /** The reports a key acts on: the selected ones, else the current one. */
  const targets = (current: { id: string } | null) => (selected.size > 0 ? [...selected] : current ? [current.id] : []);
  return { selected, select, selectOnly, clear, targets };
}
