// What a field table says of each field of a record type, and what the rest of Vigil derives from
// it: the request schema, the storage columns (a field's column is its name in snake_case; a partial
// date has two, date_<name> and date_<name>_precision; a list is stored as JSON), the export
// columns and the partner bundle's shape (./bundle.ts). A field is declared once, in its record
// type's table (incident.ts, person.ts, act.ts, detention.ts…): adding one is a line there, a
// migration and its words.
import * as z from 'zod';
import type { Term } from '../term.ts';
import { DATE_PRECISIONS } from '../vocabulary.ts';
import { isDay } from '../custody.ts';

export const id = z.uuid();
export const day = z.string().refine(isDay, 'a calendar day, YYYY-MM-DD');

/** A date as precise as it is known: '2026-11-03' (day), '2026-11' (month), '2026' (year) or null (unknown). */
export const partialDate = z
  .object({ date: z.string().max(10).nullable(), precision: z.enum(DATE_PRECISIONS) })
  .refine(
    ({ date, precision }) =>
      precision === 'unknown'
        ? date === null
        : date !== null &&
          (precision === 'day' ? isDay(date) : precision === 'month' ? /^\d{4}-(0[1-9]|1[0-2])$/.test(date) : /^\d{4}$/.test(date)),
    'the date does not match its precision',
  );
export type PartialDate = z.infer<typeof partialDate>;

/** The registry kinds a field may refer to by id; exports and bundles carry the entry's code instead. */
export type RegistryRef = 'place' | 'unit' | 'provision';

/** How the workspace's form asks for a field; its label is the words key of the field's name. */
export type Input =
  | { input: 'choice'; terms: readonly Term[] }
  | { input: 'registry' }
  | { input: 'date' | 'number' | 'text'; /** Words key `<name>Hint` under the input. */ hint?: true };

/**
 * How a field appears in an export: its value as stored; a number; a registry entry's code (the
 * field's name without "Id": legalProvisionId → arrest.legalProvision); the code and, beside it,
 * the entry's label in the exporter's language (heldAt → arrest.heldAt, arrest.heldAtLabel); a
 * partial date as its day and its precision (start → event.startDate, event.startPrecision); an act
 * type's code and label (typeCode → act.type, act.typeLabel).
 */
export type Exported = 'value' | 'number' | 'code' | 'code and label' | 'partial date' | 'type and label';

/**
 * One plain field: the server stores it readable, because it filters, sorts or counts it
 * (docs/data-model.md).
 */
export interface PlainField {
  schema: z.ZodType;
  /** Worked out by the server from the others (never sent by a client, never carried in a bundle). */
  computed?: true;
  /** An id of a registry entry of this kind (or, with `list`, up to that many ids, stored as JSON). */
  registry?: RegistryRef;
  list?: number;
  /** An id of another record; a bundle carries the original id (incidentId → incident). */
  refers?: true;
  /** A partialDate, stored in two columns. */
  partialDate?: true;
  /** The form's input; `when` shows it only for some values of the record. */
  editor?: Input & { when?: (record: Record<string, unknown>) => boolean };
  exported?: Exported;
  /** Carried in a partner bundle (a registry reference by its code). */
  bundled?: true;
}

/**
 * One sealed field: encrypted in the browser in the record's `secret` part, never read by the
 * server. A person's identity may be exported (opened by the exporter's client only); a sealed
 * field not `bundled` never leaves in a partner bundle.
 */
export interface SealedField {
  sealed: true;
  exported?: 'identity';
  bundled?: true;
}
export type Field = PlainField | SealedField;
export type FieldTable = Readonly<Record<string, Field>>;

/** A list of registry ids, at most `max`: stored as JSON, carried by their codes (placeIds → placeCodes). */
export const registryList = <K extends RegistryRef, N extends number>(registry: K, max: N) => ({ schema: z.array(id).max(max), registry, list: max }) as const;
/** A date as precise as it is known. */
export const partialDateField = { schema: partialDate, partialDate: true } as const;

export const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
export type Snake<S extends string> = S extends `${infer H}${infer T}` ? `${H extends Lowercase<H> ? H : `_${Lowercase<H>}`}${Snake<T>}` : S;
const capital = (name: string) => name[0]!.toUpperCase() + name.slice(1);

/** A registry reference's name as codes travel: legalProvisionId → legalProvision. */
export const codeName = (name: string) => name.replace(/Id$/, '');
export type CodeName<S extends string> = S extends `${infer B}Id` ? B : S;

type Names<F extends FieldTable, Where> = { [K in keyof F & string]: F[K] extends Where ? K : never }[keyof F & string];
type PlainNames<F extends FieldTable> = Names<F, PlainField>;
type InputNames<F extends FieldTable> = Exclude<PlainNames<F>, Names<F, { computed: true }>>;
type SchemaOf<D> = D extends { schema: infer S extends z.ZodType } ? S : never;

/** The plain fields of a table, in table order. */
export const plainFields = (table: FieldTable) => Object.entries(table).filter((e): e is [string, PlainField] => !('sealed' in e[1]));
/** The fields a client sends, in table order. */
export const inputFields = (table: FieldTable) => plainFields(table).filter(([, f]) => !f.computed);
/** The sealed fields a table names. */
export const sealedFields = (table: FieldTable) => Object.entries(table).filter((e): e is [string, SealedField] => 'sealed' in e[1]);

/** The request schema of a table's fields (what a client sends: every plain field but the computed ones). */
export function inputSchema<F extends FieldTable>(table: F) {
  return z.object(Object.fromEntries(inputFields(table).map(([name, f]) => [name, f.schema]))) as unknown as z.ZodObject<{ [K in InputNames<F>]: SchemaOf<F[K]> }>;
}

/** The ids a record's fields name of one registry kind (the server checks that each exists). */
export function registryIds(table: FieldTable, record: object, kind: RegistryRef): (string | null)[] {
  return plainFields(table)
    .filter(([, f]) => f.registry === kind)
    .flatMap(([name, f]) => {
      const value = (record as Record<string, unknown>)[name] as string | string[] | null | undefined;
      return f.list ? ((value as string[] | undefined) ?? []) : [(value as string | null | undefined) ?? null];
    });
}

/** Stored values as the database holds them: a choice is a string column, a count a number, a list JSON. */
type Stored<T> = T extends string ? string : T extends number ? number : T extends readonly unknown[] ? string : T;
type DateNames<F extends FieldTable> = Names<F, { partialDate: true }>;
/** A table's columns and their types (storage/schema.ts builds the row type from it). */
export type ColumnsOf<F extends FieldTable> = { [K in Exclude<PlainNames<F>, DateNames<F>> as Snake<K>]: Stored<Exclude<z.output<SchemaOf<F[K]>>, undefined>> } & {
  [K in DateNames<F> as `date_${K}`]: string | null;
} & { [K in DateNames<F> as `date_${K}_precision`]: string };

/** The columns of one plain field. */
export const columnsOf = (name: string, f: PlainField): string[] => (f.partialDate ? [`date_${name}`, `date_${name}_precision`] : [snake(name)]);

/** A record's fields as columns, in table order (fields the record lacks are left out). */
export function toColumns(table: FieldTable, record: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, f] of plainFields(table)) {
    if (!(name in record)) continue;
    const value = record[name];
    if (f.partialDate) {
      const { date, precision } = value as PartialDate;
      out[`date_${name}`] = date;
      out[`date_${name}_precision`] = precision;
    } else out[snake(name)] = Array.isArray(value) ? JSON.stringify(value) : value;
  }
  return out;
}

/** A record's plain fields from the API's view of its row (dateStart and dateStartPrecision → start). */
export function fromView(table: FieldTable, view: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, f] of plainFields(table)) {
    out[name] = f.partialDate ? { date: view[`date${capital(name)}`] ?? null, precision: view[`date${capital(name)}Precision`] } : view[name];
  }
  return out;
}
