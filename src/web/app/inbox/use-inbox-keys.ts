// The inbox's single-key shortcuts (ShortcutHelp.tsx lists them): move, open, select, search,
// mark read, assign to me, tag, and the state keys 1–7.
import type { RefObject } from 'preact';
import { useShortcuts } from '../ui/shortcuts.ts';
import type { ReportStore } from './report-store.ts';
import { STATE_KEYS, markedState } from './states.ts';
import { reportsOf, whichOf, type useInboxActs } from './use-inbox-acts.ts';
import type { useCursor } from './use-cursor.ts';
import type { useSelection } from './use-selection.ts';
import { useWords } from '../i18n/context.tsx';
import { inboxWords } from './words.ts';

interface Inbox {
  store: ReportStore;
  canTriage: boolean;
  myId: string;
  cursor: ReturnType<typeof useCursor>;
  selection: ReturnType<typeof useSelection>;
  acts: ReturnType<typeof useInboxActs>;
  searchRef: RefObject<HTMLInputElement | null>;
  openDialog: (dialog: 'help' | 'tag') => void;
}

export function useInboxKeys({ store, canTriage, myId, cursor, selection, acts, searchRef, openDialog }: Inbox): void {
  const t = useWords(inboxWords);
  const { index, current } = cursor;
  const { say } = acts;
  const targets = () => selection.targets(current);

  function setStateByKey(key: string) {
    const state = STATE_KEYS[key]!;
    const ids = targets();
    if (state === 'duplicate') {
      if (!canTriage) return say(t('viewersCannotChange'));
      if (selection.selected.size > 0 || !current) return say(t('duplicatesOneAtATime'));
      return cursor.askDuplicate(current);
    }
    void acts.change(ids, { state }, markedState(t, state, reportsOf(store, ids)));
  }

  useShortcuts({
    j: () => cursor.moveTo(index + 1),
    ArrowDown: () => cursor.moveTo(index + 1),
    k: () => cursor.moveTo(index - 1),
    ArrowUp: () => cursor.moveTo(index - 1),
    Enter: () => current && cursor.openAt(index),
    o: () => current && cursor.openAt(index),
    Escape: () => {
      if (cursor.paneOpen) cursor.closePane();
      else if (selection.selected.size > 0) {
        selection.clear();
        say(t('selectionCleared'));
      }
    },
    'Escape-field': cursor.refocus,
    x: () => {
      if (!current) return;
      const on = !selection.selected.has(current.id);
      selection.select(current.id, on);
      say(t(on ? 'selectedOne' : 'unselectedOne', { seq: String(current.seq) }));
    },
    '/': () => searchRef.current?.focus(),
    r: () => void acts.read(targets()),
    a: () => {
      const ids = targets();
      void acts.change(ids, { assignee: myId }, t('assignedToYou', whichOf(store, ids)));
    },
    t: () => {
      if (!canTriage) return say(t('viewersCannotChange'));
      if (targets().length > 0) openDialog('tag');
    },
    ...Object.fromEntries(Object.keys(STATE_KEYS).map((key) => [key, () => setStateByKey(key)])),
    '?': () => openDialog('help'),
  });
}
