// Export (#export): choose a format, the fields and filters; the file is streamed from the server
// and saved here, with names opened in this browser (only for roles holding the records key, and
// only where each person's consent allows — the server decides that from the plain consent fields).
import { useRef, useState } from 'preact/hooks';
import { ROLE_KEYS } from '../../../core/api/schemas.ts';
import { DEFAULT_FIELDS, EXPORT_FIELDS, type ExportField, type ExportFormat } from '../../../core/exports/fields.ts';
import { PageHeading } from '../PageHeading.tsx';
import { UnreviewedDuplicates } from '../linkage/LinkStatus.tsx';
import { Feedback } from '../Feedback.tsx';
import { messageOf } from '../api.ts';
import type { Vault } from '../vault.ts';
import { saveExport, type Progress } from './download.ts';

const GROUPS: { key: ExportField['group']; title: string }[] = [
  { key: 'event', title: 'Event (incident)' },
  { key: 'victim', title: 'Victim (person)' },
  { key: 'act', title: 'Act' },
  { key: 'arrest', title: 'Arrest and custody' },
];

const count = (n: number) => n.toLocaleString('en');

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
    if (fields.length === 0) return setError('Choose at least one field.');
    const controller = new AbortController();
    stop.current = controller;
    setRunning(true);
    setProgress(null);
    const started = performance.now();
    try {
      const result = await saveExport({ format, fields, from, to, incident, bom }, vault.keyring, setProgress, controller.signal);
      if (result) {
        const seconds = (performance.now() - started) / 1000;
        const unopened = result.unopened ? ` ${count(result.unopened)} names could not be opened with your keys and were left empty.` : '';
        setSaid(`Exported ${count(result.rows)} rows in ${seconds.toFixed(1)} s.${unopened}`);
      }
    } catch (e) {
      setError(messageOf(e, 'The export failed.'));
    } finally {
      stop.current = null;
      setRunning(false);
    }
  }

  return (
    <main class="wide-ish">
      <PageHeading>Export</PageHeading>
      <UnreviewedDuplicates vault={vault} />
      <p>
        One row per act, with its event, victim and custody fields (schema <code>vigil-export/1</code>, aligned with HURIDOCS ESF). The file is made as it
        streams; every export is recorded in the audit log.
      </p>
      <form onSubmit={run} aria-busy={running}>
        <fieldset>
          <legend>Format</legend>
          {(['csv', 'json'] as const).map((f) => (
            <label key={f} class="inline">
              <input type="radio" name="export-format" value={f} checked={format === f} onChange={() => setFormat(f)} /> {f.toUpperCase()}
            </label>
          ))}
          {format === 'csv' && (
            <label class="inline">
              <input type="checkbox" id="export-bom" checked={bom} onChange={(e) => setBom(e.currentTarget.checked)} /> Byte-order mark (for Excel)
            </label>
          )}
        </fieldset>
        {GROUPS.map((group) => (
          <fieldset key={group.key} data-group={group.key}>
            <legend>{group.title}</legend>
            {offered
              .filter((f) => f.group === group.key)
              .map((f) => (
                <label key={f.name} class="inline">
                  <input type="checkbox" name="export-field" value={f.name} checked={chosen.has(f.name)} onChange={(e) => toggle(f.name, e.currentTarget.checked)} /> {f.label}
                  {f.kind === 'identity' && ' (opened in this browser; only where consent allows)'}
                </label>
              ))}
          </fieldset>
        ))}
        {!canName && <p class="hint">Names are not offered: your role does not hold the records key.</p>}
        <fieldset>
          <legend>Filters</legend>
          <label for="export-from">Acts from (initial date)</label>
          <input id="export-from" type="date" value={from} onInput={(e) => setFrom(e.currentTarget.value)} />
          <label for="export-to">Acts to</label>
          <input id="export-to" type="date" value={to} onInput={(e) => setTo(e.currentTarget.value)} />
          <label for="export-incident">Incident code (e.g. I-0007)</label>
          <input id="export-incident" type="text" value={incident} onInput={(e) => setIncident(e.currentTarget.value)} />
        </fieldset>
        <button type="submit" disabled={running}>
          Export
        </button>{' '}
        {running && (
          <button type="button" onClick={() => stop.current?.abort()}>
            Stop
          </button>
        )}
      </form>
      {running && progress && (
        <p>
          <label for="export-progress">Rows written</label>{' '}
          <progress id="export-progress" max={progress.expected ?? undefined} value={progress.rows} />{' '}
          <span>{progress.expected ? `${count(progress.rows)} of ${count(progress.expected)}` : count(progress.rows)}</span>
        </p>
      )}
      <Feedback error={error} said={said} />
    </main>
  );
}
