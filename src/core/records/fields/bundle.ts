// A record type's fields in a partner bundle (vigil-bundle/1), from its field table: the bundled
// plain fields, registry references by their codes, references to other records by the original
// id. Sealed fields travel apart, in the record's `fields` (src/core/bundle/collect.ts).
import * as z from 'zod';
import { codeName, inputFields, plainFields, type CodeName, type FieldTable, type PlainField, type RegistryRef } from './field.ts';

type Bundled<F extends FieldTable> = { [K in keyof F & string]: F[K] extends { bundled: true; schema: z.ZodType } ? K : never }[keyof F & string];
type Listed<K extends string> = `${K extends `${infer B}Ids` ? B : K}Codes`;
type BundleName<K extends string, D> = D extends { list: number } ? Listed<K> : D extends { registry: RegistryRef } | { refers: true } ? CodeName<K> : K;
type BundleType<D, C extends z.ZodType> = D extends { list: number }
  ? z.ZodArray<C>
  : D extends { registry: RegistryRef }
    ? z.ZodNullable<C>
    : D extends { refers: true }
      ? z.ZodUUID
      : D extends { schema: infer S extends z.ZodType }
        ? S
        : never;

/** A field's name in a bundle: placeIds → placeCodes, heldAt → heldAt, incidentId → incident. */
export const bundleName = (name: string, f: PlainField) => (f.list ? name.replace(/Ids$/, 'Codes') : f.registry || f.refers ? codeName(name) : name);

const bundledFields = (table: FieldTable) => plainFields(table).filter(([, f]) => f.bundled);

/** The bundle's schema of a table's fields: registry references as codes (`code`), records by original id. */
export function bundleSchema<F extends FieldTable, C extends z.ZodType>(table: F, code: C) {
  const shape = bundledFields(table).map(([name, f]) => [
    bundleName(name, f),
    f.list ? z.array(code).max(f.list) : f.registry ? code.nullable() : f.refers ? z.uuid() : f.schema,
  ]);
  return z.object(Object.fromEntries(shape)) as unknown as z.ZodObject<{ [K in Bundled<F> as BundleName<K, F[K]>]: BundleType<F[K], C> }>;
}

/** A bundle's fields from a record's (registry ids to codes by `codeOf`), in table order. */
export function toBundle(table: FieldTable, record: Record<string, unknown>, codeOf: (id: string | null) => string | null): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, f] of bundledFields(table)) {
    const value = record[name] ?? null;
    if (f.list) out[bundleName(name, f)] = (value as string[]).map((i) => codeOf(i)!);
    else out[bundleName(name, f)] = f.registry ? codeOf(value as string | null) : value;
  }
  return out;
}

/** How a bundle's references become this organization's ids. */
export interface Resolve {
  /** A registry entry by kind and code (this organization's, or one the import adds). */
  registry: (kind: RegistryRef, code: string | null) => string | null;
  /** A record of the bundle by its original id: the id it gets here. */
  record: (originalId: string) => string;
}

/**
 * A record's input fields from a bundle's. A field the bundle does not carry is null (a source's
 * linked report), or left out where the request may leave it out (a source's channel).
 */
export function fromBundle(table: FieldTable, bundled: Record<string, unknown>, resolve: Resolve): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, f] of inputFields(table)) {
    const value = bundled[bundleName(name, f)] ?? null;
    if (!f.bundled) {
      if (!f.schema.safeParse(undefined).success) out[name] = null;
    } else if (f.list) out[name] = (value as string[]).map((c) => resolve.registry(f.registry!, c));
    else if (f.registry) out[name] = resolve.registry(f.registry, value as string | null);
    else if (f.refers) out[name] = resolve.record(value as string);
    else out[name] = value;
  }
  return out;
}
