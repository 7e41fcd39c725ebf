// One export at a time: streamed and saved (download.ts), its progress shown, stoppable, and what
// came of it said in rows and seconds (and how many names could not be opened here).
import { useRef, useState } from 'preact/hooks';
import { messageOf } from '../session/api.ts';
import type { Vault } from '../session/vault.ts';
import { useFormats, useWords } from '../i18n/context.tsx';
import { saveExport, type ExportChoice, type Progress } from './download.ts';
import { exportWords } from './words.ts';

export function useExportRun(vault: Vault) {
  const t = useWords(exportWords);
  const { number: count } = useFormats();
  const [progress, setProgress] = useState<Progress | null>(null);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [said, setSaid] = useState('');
  const stopper = useRef<AbortController | null>(null);

  async function run(choice: ExportChoice) {
    setError(null);
    setSaid('');
    if (choice.fields.length === 0) return setError(t('chooseField'));
    const controller = new AbortController();
    stopper.current = controller;
    setRunning(true);
    setProgress(null);
    const started = performance.now();
    try {
      const result = await saveExport(choice, vault.keyring, setProgress, controller.signal);
      if (result) {
        const seconds = (performance.now() - started) / 1000;
        const figures = { rows: result.rows, seconds: count(Math.round(seconds * 10) / 10) };
        setSaid(result.unopened ? t('exportedUnopened', { ...figures, unopened: result.unopened }) : t('exported', figures));
      }
    } catch (e) {
      setError(messageOf(e, t('failed')));
    } finally {
      stopper.current = null;
      setRunning(false);
    }
  }

  const stop = () => stopper.current?.abort();
  return { run, stop, running, progress, error, said };
}
