// A victim's identity in an export. The server cannot read it: for each row where the exporter's
// role holds the records key and the person's consent allows naming them, the server puts the
// person's sealed record part in the internal column `_identity`, as
//   1.<person id>.<name|initials>.<key id>.<key envelope, base64url>.<sealed fields, base64url>
// (version 1). The exporter's client opens it with the records private key and writes the
// identity fields in its place (src/core/exports/decrypt.ts).
//
// Consent rule (docs/export.md): the naming rule of src/core/records/names.ts — named only with
// consent 'un' or 'public' and a name_preference other than 'anonymous'; with 'initials' only the
// initials of the name, never other names.
import { openFields } from '../records/sealing.ts';
import type { Keyring } from '../keyring.ts';
import { shownName, unNaming } from '../records/names.ts';

export type NameForm = 'name' | 'initials';

/** Decided by the server from the plain consent columns; null: the row carries no identity. */
export function nameFormFor(consentSharing: string, namePreference: string): NameForm | null {
  const naming = unNaming({ consentSharing, namePreference });
  return naming === 'name' || naming === 'initials' ? naming : null;
}

export function identityCell(personId: string, form: NameForm, keyId: string, keyEnvelope: string, sealed: string): string {
  return `1.${personId}.${form}.${keyId}.${keyEnvelope}.${sealed}`;
}

export interface Identity {
  'victim.name': string | null;
  'victim.otherNames': string | null;
}

/**
 * Opens identity cells, remembering recent people (one person is the victim of many acts).
 * A cell this keyring cannot open (a records key the member does not hold) gives empty fields and
 * is counted.
 */
export class IdentityOpener {
  private cache = new Map<string, Identity>();
  unopened = 0;

  constructor(
    private readonly keyring: Keyring,
    private readonly cacheSize = 10_000,
  ) {}

  async open(cell: string): Promise<Identity> {
    const empty: Identity = { 'victim.name': null, 'victim.otherNames': null };
    if (!cell) return empty;
    const parts = cell.split('.');
    const [version, personId, form, keyId, keyEnvelope, sealed] = parts;
    if (parts.length !== 6 || version !== '1' || !personId || !keyId || !keyEnvelope || !sealed || (form !== 'name' && form !== 'initials')) {
      this.unopened += 1;
      return empty;
    }
    const cacheKey = `${personId}.${form}`;
    const known = this.cache.get(cacheKey);
    if (known) return known;
    let identity = empty;
    try {
      const fields = await openFields<{ name?: unknown; otherNames?: unknown }>({ keyId, keyEnvelope, sealed }, 'person', personId, this.keyring);
      const text = (value: unknown) => (typeof value === 'string' ? value : null);
      identity = { 'victim.name': shownName(text(fields.name), form), 'victim.otherNames': form === 'name' ? shownName(text(fields.otherNames), form) : null };
    } catch {
      this.unopened += 1;
      return empty;
    }
    if (this.cache.size >= this.cacheSize) this.cache.clear();
    this.cache.set(cacheKey, identity);
    return identity;
  }

  forget(): void {
    this.cache.clear();
  }
}
