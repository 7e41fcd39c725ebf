// Export (#export): choose a format, the fields and filters; the file is streamed from the server
// and saved here, with names opened in this browser (only for roles holding the records key, and
// only where each person's consent allows — the server decides that from the plain consent fields).
import { useRef, useState } from 'preact/hooks';
import { ROLE_KEYS } from '../../../core/api/keys.ts';
import { DEFAULT_FIELDS, EXPORT_FIELDS, EXPORT_SCHEMA, type ExportField, type ExportFormat } from '../../../core/exports/fields.ts';
import { PageHeading } from '../ui/PageHeading.tsx';
import { UnreviewedDuplicates } from '../linkage/LinkStatus.tsx';
import { Feedback } from '../ui/Feedback.tsx';
import { messageOf } from '../session/api.ts';
import type { Vault } from '../session/vault.ts';
import { saveExport, type Progress } from './download.ts';
import { useFormats, useWords } from '../i18n/context.tsx';
import { exportWords } from './words.ts';
import { exportFieldWords, fieldKey } from './field-words.ts';

const GROUPS: ExportField['group'][] = ['event', 'victim', 'act', 'arrest'];

export function ExportPage({ vault }: { vault: Vault }) {
  const canName = ROLE_KEYS[vault.me.role].includes('records');
  const offered = EXPORT_FIELDS.filter((f) => f.kind === 'plain' || canName);
  const [format, setFormat] = useState<ExportFormat>('csv');
  const [bom, setBom] = useState(false);
  const [chosen, setChosen] = useState<Set<string>>(() => new Set(DEFAULT_FIELDS));
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [incident, setIncident] = useState('');
  const [progress, setProgress] = useState<Progress | null>(null);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [said, setSaid] = useState('');
  const stop = useRef<AbortController | null>(null);
  const t = useWords(exportWords);
  const fieldName = useWords(exportFieldWords);
  const { number: count } = useFormats();

  const toggle = (name: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(name);
    else next.delete(name);
    setChosen(next);
  };

  async function run(event: Event) {
    event.preventDefault();
    setError(null);
    setSaid('');
    const fields = offered.filter((f) => chosen.has(f.name)).map((f) => f.name);
    if (fields.length === 0) return setError(t('chooseField'));
    const controller = new AbortController();
    stop.current = controller;
    setRunning(true);
    setProgress(null);
    const started = performance.now();
    try {
      const result = await saveExport({ format, fields, from, to, incident, bom }, vault.keyring, setProgress, controller.signal);
      if (result) {
        const seconds = (performance.now() - started) / 1000;
        const figures = { rows: result.rows, seconds: count(Math.round(seconds * 10) / 10) };
        setSaid(result.unopened ? t('exportedUnopened', { ...figures, unopened: result.unopened }) : t('exported', figures));
      }
    } catch (e) {
      setError(messageOf(e, t('failed')));
    } finally {
      stop.current = null;
      setRunning(false);
    }
  }

  return (
    <main class="wide-ish">
      <PageHeading>{t('title')}</PageHeading>
      <UnreviewedDuplicates vault={vault} />
      <p>{t('intro', { schema: EXPORT_SCHEMA })}</p>
      <form onSubmit={run} aria-busy={running}>
        <fieldset>
          <legend>{t('format')}</legend>
          {(['csv', 'json'] as const).map((f) => (
            <label key={f} class="inline">
              <input type="radio" name="export-format" value={f} checked={format === f} onChange={() => setFormat(f)} /> {f.toUpperCase()}
            </label>
          ))}
          {format === 'csv' && (
            <label class="inline">
              <input type="checkbox" id="export-bom" checked={bom} onChange={(e) => setBom(e.currentTarget.checked)} /> {t('bom')}
            </label>
          )}
        </fieldset>
        {GROUPS.map((group) => (
          <fieldset key={group} data-group={group}>
            <legend>{t(group)}</legend>
            {offered
              .filter((f) => f.group === group)
              .map((f) => (
                <label key={f.name} class="inline">
                  <input type="checkbox" name="export-field" value={f.name} checked={chosen.has(f.name)} onChange={(e) => toggle(f.name, e.currentTarget.checked)} /> {fieldName(fieldKey(f.name))}
                  {f.kind === 'identity' && ` ${t('openedHere')}`}
                </label>
              ))}
          </fieldset>
        ))}
        {!canName && <p class="hint">{t('noNames')}</p>}
        <fieldset>
          <legend>{t('filters')}</legend>
          <label for="export-from">{t('actsFrom')}</label>
          <input id="export-from" type="date" value={from} onInput={(e) => setFrom(e.currentTarget.value)} />
          <label for="export-to">{t('actsTo')}</label>
          <input id="export-to" type="date" value={to} onInput={(e) => setTo(e.currentTarget.value)} />
          <label for="export-incident">{t('incidentCode')}</label>
          <input id="export-incident" type="text" value={incident} onInput={(e) => setIncident(e.currentTarget.value)} />
        </fieldset>
        <button type="submit" disabled={running}>
          {t('export')}
        </button>{' '}
        {running && (
          <button type="button" onClick={() => stop.current?.abort()}>
            {t('stop')}
          </button>
        )}
      </form>
      {running && progress && (
        <p>
          <label for="export-progress">{t('rowsWritten')}</label>{' '}
          <progress id="export-progress" max={progress.expected ?? undefined} value={progress.rows} />{' '}
          <span>{progress.expected ? t('rowsOf', { rows: count(progress.rows), expected: count(progress.expected) }) : count(progress.rows)}</span>
        </p>
      )}
      <Feedback error={error} said={said} />
    </main>
  );
}
