// What `vigil link` writes: the clusters (one row per input id, the cluster named by its first id
// in the input) and, with --pairs, the scored pairs with each field's verdict and weight — ids and
// numbers only, no name. Files are written whole or not at all: each to FILE.partial, renamed
// when all are complete.
import { rename, rm, writeFile } from 'node:fs/promises';
import { csvCell, csvLine, verbatimCell } from '../../core/exports/csv.ts';
import type { Cell } from '../../core/exports/fields.ts';
import { FIELDS, type Field, type LinkagePerson } from '../../core/linkage/compare.ts';
import type { Suggestion } from '../../core/linkage/link.ts';
import { CliFailure } from './failure.ts';

/** The engine's fields under the names of the input columns they come from. */
const COLUMN_OF: Record<Field, string> = { surname: 'surname', given: 'given', patronymic: 'patronymic', birthYear: 'birth_year', place: 'city', eventDate: 'event_date' };

/**
 * A row that starts with ids, written verbatim: they are the user's own, from the user's own file,
 * and must join back to it — an id "-2" written as "'-2" (the exports' guard against spreadsheet
 * formulas) would not. The guard protects no one here: the same cells are in the input already.
 */
const idsLine = (ids: readonly string[], rest: readonly Cell[] = []): string => `${[...ids.map(verbatimCell), ...rest.map(csvCell)].join(',')}\r\n`;

/** `id,cluster`: every input id once, in input order; a cluster is labelled by its first id. */
export function clustersCsv(people: readonly LinkagePerson[], clusterOf: ArrayLike<number>): string {
  const labels = new Map<number, string>();
  let out = csvLine(['id', 'cluster']);
  people.forEach((person, i) => {
    const cluster = clusterOf[i]!;
    if (!labels.has(cluster)) labels.set(cluster, person.id);
    out += idsLine([person.id, labels.get(cluster)!]);
  });
  return out;
}

/** Scored pairs, most likely first: probability, whether they ended in one cluster, and why (verdict and weight in bits per field). */
export function pairsCsv(suggestions: readonly Suggestion[], people: readonly LinkagePerson[], clusterOf: ArrayLike<number>): string {
  const position = new Map(people.map((p, i) => [p.id, i]));
  let out = csvLine(['id_a', 'id_b', 'probability', 'linked', ...FIELDS.flatMap((f) => [COLUMN_OF[f], `${COLUMN_OF[f]}_weight`])]);
  for (const s of suggestions) {
    const linked = clusterOf[position.get(s.a)!] === clusterOf[position.get(s.b)!];
    const byField = new Map(s.fields.map((e) => [e.field, e]));
    const reasons = FIELDS.flatMap((f) => [byField.get(f)?.verdict ?? 'unknown', round(byField.get(f)?.weight ?? 0, 2)]);
    out += idsLine([s.a, s.b], [round(s.probability, 4), linked ? 'yes' : 'no', ...reasons]);
  }
  return out;
}

const round = (value: number, digits: number) => Number(value.toFixed(digits));

/** Writes every file or none: all to FILE.partial first, then renamed. */
export async function writeAllOrNothing(files: readonly { path: string; text: string }[]): Promise<void> {
  const partials = files.map((f) => `${f.path}.partial`);
  try {
    for (const [i, file] of files.entries()) await writeFile(partials[i]!, file.text, { mode: 0o600 });
    for (const [i, file] of files.entries()) await rename(partials[i]!, file.path);
  } catch (error) {
    await Promise.all(partials.map((p) => rm(p, { force: true })));
    throw new CliFailure(`Cannot write ${files.map((f) => f.path).join(' and ')} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`);
  }
}
