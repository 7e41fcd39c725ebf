// The "?" key: every shortcut of the inbox.
import { Dialog } from '../ui/Dialog.tsx';
import { useWords } from '../i18n/context.tsx';
import { commonWords } from '../i18n/common-words.ts';
import { inboxWords } from './words.ts';
import { REPORT_STATES, stateName } from './states.ts';

type Key = keyof (typeof inboxWords)['en'];

/** Keys as printed on the keyboard (alternatives), and what they do. */
const SHORTCUTS: [string[], Key][] = [
  [['j', '↓'], 'doesNext'],
  [['k', '↑'], 'doesPrevious'],
  [['Enter', 'o'], 'doesOpen'], // not words
  [['Escape'], 'doesEscape'], // not words
  [['x'], 'doesSelect'],
  [['/'], 'doesSearch'],
  [['r'], 'doesRead'],
  [['a'], 'doesAssign'],
  [['t'], 'doesTag'],
];

export function ShortcutHelp({ onClose }: { onClose: () => void }) {
  const t = useWords(inboxWords);
  const tc = useWords(commonWords);
  const rows: [string, string][] = [
    ...SHORTCUTS.map(([keys, does]): [string, string] => [keys.length === 2 ? t('keyOr', { first: keys[0]!, second: keys[1]! }) : keys[0]!, t(does)]),
    ...REPORT_STATES.map((state, i): [string, string] => [String(i + 1), state === 'duplicate' ? t('doesDuplicate') : t('doesState', { state: stateName(t, state) })]),
    ['?', t('doesHelp')],
    ['Shift+L', t('doesLock')], // not words
  ];
  return (
    <Dialog title={t('keyboardShortcuts')} onClose={onClose}>
      <p>{t('shortcutsIntro')}</p>
      <table class="data shortcuts">
        <caption class="visually-hidden">{t('keyboardShortcuts')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('keyColumn')}</th>
            <th scope="col">{t('doesColumn')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([key, does]) => (
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
          {tc('close')}
        </button>
      </div>
    </Dialog>
  );
}
