// The keyboard cursor over the shown reports, whether the open report's pane is open, and where
// the focus goes after a move: to the row, or to the pane's title when it is open.
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Report } from './report-store.ts';

type FocusTarget = 'row' | 'pane' | null;

export function useCursor(shown: Report[], showAll: () => void) {
  const [cursor, setCursor] = useState<{ id: string | null; index: number }>({ id: null, index: 0 });
  const [paneOpen, setPaneOpen] = useState(false);
  // Bumped by the "5" key: the open report's triage picks "duplicate" (TriageControls.tsx).
  const [duplicateFor, setDuplicateFor] = useState<{ id: string; n: number } | null>(null);
  const focusNext = useRef<FocusTarget>(null);
  const found = useMemo(() => (cursor.id ? shown.findIndex((r) => r.id === cursor.id) : -1), [shown, cursor.id]);
  const index = found >= 0 ? found : Math.min(cursor.index, Math.max(0, shown.length - 1));
  const current = shown[index] ?? null;
  useFollowingFocus(current, index, cursor.id, () => (paneOpen ? 'pane' : 'row'), setCursor, focusNext);

  function moveTo(i: number) {
    if (shown.length === 0) return;
    const to = Math.max(0, Math.min(shown.length - 1, i));
    setCursor({ id: shown[to]!.id, index: to });
    setDuplicateFor(null);
    focusNext.current = paneOpen ? 'pane' : 'row';
  }
  function openAt(i: number) {
    moveTo(i);
    setPaneOpen(true);
    focusNext.current = 'pane';
  }
  function closePane() {
    setPaneOpen(false);
    setDuplicateFor(null);
    focusNext.current = 'row';
  }
  function goTo(id: string) {
    const at = shown.findIndex((r) => r.id === id);
    if (at >= 0) return openAt(at);
    // Not in the filtered list: clear the filters to show it.
    showAll();
    setCursor({ id, index: 0 });
    focusNext.current = 'pane';
  }
  /** Escape left a field: the focus goes back to the row or the pane. */
  function refocus() {
    focusNext.current = paneOpen ? 'pane' : 'row';
    setCursor((c) => ({ ...c }));
  }
  function askDuplicate(report: Report) {
    setPaneOpen(true);
    setDuplicateFor((d) => ({ id: report.id, n: (d?.n ?? 0) + 1 }));
  }
  const duplicateRequest = current && duplicateFor?.id === current.id ? duplicateFor.n : 0;
  return { index, current, paneOpen, duplicateRequest, moveTo, openAt, closePane, goTo, refocus, askDuplicate };
}

/**
 * The current report left the list (filtered out after a change): its successor takes its place,
 * and the focus must not fall to the page. After a move, the focus goes where it was asked to.
 */
function useFollowingFocus(
  current: Report | null,
  index: number,
  cursorId: string | null,
  where: () => FocusTarget,
  setCursor: (cursor: { id: string; index: number }) => void,
  focusNext: { current: FocusTarget },
) {
  useEffect(() => {
    if (current && current.id !== cursorId) {
      setCursor({ id: current.id, index });
      if (cursorId && (document.activeElement === document.body || !document.activeElement?.isConnected)) focusNext.current = where();
    }
  });
  useLayoutEffect(() => {
    const target = focusNext.current;
    if (!target || !current) return;
    focusNext.current = null;
    if (target === 'pane') document.getElementById('detail-title')?.focus();
    else document.querySelector<HTMLElement>(`[data-report-id="${current.id}"] .open`)?.focus();
  });
}
