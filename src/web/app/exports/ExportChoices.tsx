// What an export holds: its format (CSV, with a byte-order mark for spreadsheets that want one, or
// JSON) and its fields by group; fields with names are offered only to roles that can open them.
import { EXPORT_FIELDS, type ExportField, type ExportFormat } from '../../../core/exports/fields.ts';
import { useWords } from '../i18n/context.tsx';
import { exportWords } from './words.ts';
import { exportFieldWords, fieldKey } from './field-words.ts';

const GROUPS: ExportField['group'][] = ['event', 'victim', 'act', 'arrest'];

export function FormatChoice({ format, bom, onFormat, onBom }: { format: ExportFormat; bom: boolean; onFormat: (format: ExportFormat) => void; onBom: (bom: boolean) => void }) {
  const t = useWords(exportWords);
  return (
    <fieldset>
      <legend>{t('format')}</legend>
      {(['csv', 'json'] as const).map((f) => (
        <label key={f} class="inline">
          <input type="radio" name="export-format" value={f} checked={format === f} onChange={() => onFormat(f)} /> {f.toUpperCase()}
        </label>
      ))}
      {format === 'csv' && (
        <label class="inline">
          <input type="checkbox" id="export-bom" checked={bom} onChange={(e) => onBom(e.currentTarget.checked)} /> {t('bom')}
        </label>
      )}
    </fieldset>
  );
}

export function FieldGroups({ offered, chosen, onToggle }: { offered: typeof EXPORT_FIELDS; chosen: Set<string>; onToggle: (name: string, on: boolean) => void }) {
  const t = useWords(exportWords);
  const fieldName = useWords(exportFieldWords);
  return (
    <>
      {GROUPS.map((group) => (
        <fieldset key={group} data-group={group}>
          <legend>{t(group)}</legend>
          {offered
            .filter((f) => f.group === group)
            .map((f) => (
              <label key={f.name} class="inline">
                <input type="checkbox" name="export-field" value={f.name} checked={chosen.has(f.name)} onChange={(e) => onToggle(f.name, e.currentTarget.checked)} /> {fieldName(fieldKey(f.name))}
                {f.kind === 'identity' && ` ${t('openedHere')}`}
              </label>
            ))}
        </fieldset>
      ))}
    </>
  );
}
