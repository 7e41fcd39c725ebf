// Single-key shortcuts. They never fire while someone types in a field or a dialog is open;
// Escape in a field leaves the field, so the keys work again.
import { useEffect, useRef } from 'preact/hooks';

export type ShortcutHandlers = Partial<Record<string, (event: KeyboardEvent) => void>>;

const NOT_TYPING = new Set(['checkbox', 'radio', 'button', 'submit', 'reset']);

export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !NOT_TYPING.has(target.type);
}

/** Keys as KeyboardEvent.key: 'j', 'ArrowDown', '?', 'L' (Shift+L)… */
export function useShortcuts(handlers: ShortcutHandlers): void {
  const current = useRef(handlers);
  current.current = handlers;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
      if (document.querySelector('dialog[open]')) return;
      if (isTyping(event.target)) {
        if (event.key === 'Escape') {
          // Leaves the field as it is (a search box would otherwise clear itself).
          event.preventDefault();
          (event.target as HTMLElement).blur();
          current.current['Escape-field']?.(event); // not words
        }
        return;
      }
      // Enter on a button or link is the browser's own.
      if (event.key === 'Enter' && event.target instanceof HTMLElement && event.target.closest('button, a, input, summary')) return;
      const handler = current.current[event.key];
      if (!handler) return;
      event.preventDefault();
      handler(event);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
