// Export (#export): choose a format, the fields and filters; the file is streamed from the server
// and saved here, with names opened in this browser (only for roles holding the records key, and
// only where each person's consent allows — the server decides that from the plain consent fields).
import { useState } from 'preact/hooks';
import { ROLE_KEYS } from '../../../core/api/keys.ts';
import { DEFAULT_FIELDS, EXPORT_FIELDS, EXPORT_SCHEMA, type ExportFormat } from '../../../core/exports/fields.ts';
import { PageHeading } from '../ui/PageHeading.tsx';
import { UnreviewedDuplicates } from '../linkage/LinkStatus.tsx';
import { Feedback } from '../ui/Feedback.tsx';
import { DayRange } from '../ui/DayRange.tsx';
import type { Vault } from '../session/vault.ts';
import type { Progress } from './download.ts';
import { useFormats, useWords } from '../i18n/context.tsx';
import { FieldGroups, FormatChoice } from './ExportChoices.tsx';
import { useExportRun } from './use-export-run.ts';
import { exportWords } from './words.ts';

function ExportProgress({ progress }: { progress: Progress }) {
  const t = useWords(exportWords);
  const { number: count } = useFormats();
  return (
    <p>
      <label for="export-progress">{t('rowsWritten')}</label> <progress id="export-progress" max={progress.expected ?? undefined} value={progress.rows} />{' '}
      <span>{progress.expected ? t('rowsOf', { rows: count(progress.rows), expected: count(progress.expected) }) : count(progress.rows)}</span>
    </p>
  );
}

export function ExportPage({ vault }: { vault: Vault }) {
  const canName = ROLE_KEYS[vault.me.role].includes('records');
  const offered = EXPORT_FIELDS.filter((f) => f.kind === 'plain' || canName);
  const [format, setFormat] = useState<ExportFormat>('csv');
  const [bom, setBom] = useState(false);
  const [chosen, setChosen] = useState<Set<string>>(() => new Set(DEFAULT_FIELDS));
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [incident, setIncident] = useState('');
  const exporting = useExportRun(vault);
  const t = useWords(exportWords);

  const toggle = (name: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(name);
    else next.delete(name);
    setChosen(next);
  };

  function run(event: Event) {
    event.preventDefault();
    const fields = offered.filter((f) => chosen.has(f.name)).map((f) => f.name);
    void exporting.run({ format, fields, from, to, incident, bom });
  }

  return (
    <main class="wide-ish">
      <PageHeading>{t('title')}</PageHeading>
      <UnreviewedDuplicates vault={vault} />
      <p>{t('intro', { schema: EXPORT_SCHEMA })}</p>
      <form onSubmit={run} aria-busy={exporting.running}>
        <FormatChoice format={format} bom={bom} onFormat={setFormat} onBom={setBom} />
        <FieldGroups offered={offered} chosen={chosen} onToggle={toggle} />
        {!canName && <p class="hint">{t('noNames')}</p>}
        <fieldset>
          <legend>{t('filters')}</legend>
          <DayRange id="export" from={from} to={to} onFrom={setFrom} onTo={setTo} labels={{ from: t('actsFrom'), to: t('actsTo') }} />
          <label for="export-incident">{t('incidentCode')}</label>
          <input id="export-incident" type="text" value={incident} onInput={(e) => setIncident(e.currentTarget.value)} />
        </fieldset>
        <button type="submit" disabled={exporting.running}>
          {t('export')}
        </button>{' '}
        {exporting.running && (
          <button type="button" onClick={exporting.stop}>
            {t('stop')}
          </button>
        )}
      </form>
      {exporting.running && exporting.progress && <ExportProgress progress={exporting.progress} />}
      <Feedback error={exporting.error} said={exporting.said} />
    </main>
  );
}
