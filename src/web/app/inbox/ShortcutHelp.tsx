// The "?" key: every shortcut of the inbox.
import { Dialog } from '../Dialog.tsx';

export const SHORTCUTS: [string, string][] = [
  ['j or ↓', 'Next report'],
  ['k or ↑', 'Previous report'],
  ['Enter or o', 'Open the report'],
  ['Escape', 'Close the report; in a text field, leave the field'],
  ['x', 'Select or unselect the report'],
  ['/', 'Search'],
  ['r', 'Mark read'],
  ['a', 'Assign to me'],
  ['t', 'Add a tag'],
  ['1', 'State: new'],
  ['2', 'State: in review'],
  ['3', 'State: verified'],
  ['4', 'State: unverified'],
  ['5', 'State: duplicate (then choose the report it repeats)'],
  ['6', 'State: spam'],
  ['7', 'State: archived'],
  ['?', 'This help'],
  ['Shift+L', 'Lock: forget the keys and log out'],
];

export function ShortcutHelp({ onClose }: { onClose: () => void }) {
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose}>
      <p>
        r, a, t and 1–7 act on the selected reports if you selected any, otherwise on the current one. Shortcuts do not work
        while you type in a field.
      </p>
      <table class="data shortcuts">
        <caption class="visually-hidden">Keyboard shortcuts</caption>
        <thead>
          <tr>
            <th scope="col">Key</th>
            <th scope="col">Does</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map(([key, does]) => (
            <tr key={key}>
              <td>
                <kbd>{key}</kbd>
              </td>
              <td>{does}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div class="actions">
        <button type="button" onClick={onClose} autoFocus>
          Close
        </button>
      </div>
    </Dialog>
  );
}
