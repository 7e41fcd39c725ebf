// Which guide pages have words (every public page links to those).
import type { Kysely } from 'kysely';
import type { Database } from '../storage/schema.ts';
import { GUIDE_KINDS, type GuideKind } from '../../core/guides/structure.ts';

export async function readGuidesWritten(db: Kysely<Database>): Promise<GuideKind[]> {
  const rows = await db.selectFrom('guides').select(['kind', 'sections']).execute();
  return GUIDE_KINDS.filter((kind) => {
    const row = rows.find((r) => r.kind === kind);
    return !!row && (JSON.parse(row.sections) as { body: Record<string, string> }[]).some((s) => Object.values(s.body).some((b) => b.trim() !== ''));
  });
}
