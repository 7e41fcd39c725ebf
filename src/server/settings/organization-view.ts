// The organization as every public page and workspace call sees it (read through the context's
// kept copy).
import type { Kysely } from 'kysely';
import type { Database } from '../storage/schema.ts';
import { LANGUAGES, type Language } from '../../core/i18n/languages.ts';

export interface OrganizationView {
  name: string;
  publicTitle: string;
  languages: Language[];
  requireSecondFactor: boolean;
  /** IANA zone for every time shown (migration 024). */
  timeZone: string;
  /** Where "quick exit" goes: the organization's setting, else VIGIL_EXIT_URL. */
  exitUrl: string;
  settingsVersion: number;
}

/** The organization, or null before setup; `defaultExitUrl` is VIGIL_EXIT_URL. */
export async function readOrganization(db: Kysely<Database>, defaultExitUrl: string): Promise<OrganizationView | null> {
  const row = await db
    .selectFrom('organization')
    .select(['name', 'public_title', 'languages', 'require_second_factor', 'time_zone', 'exit_url', 'settings_version'])
    .executeTakeFirst();
  if (!row) return null;
  return {
    name: row.name,
    publicTitle: row.public_title,
    languages: (JSON.parse(row.languages) as string[]).filter((l): l is Language => (LANGUAGES as readonly string[]).includes(l)),
    requireSecondFactor: !!row.require_second_factor,
    timeZone: row.time_zone,
    exitUrl: row.exit_url ?? defaultExitUrl,
    settingsVersion: Number(row.settings_version),
  };
}
