// The workspace's pages, as #hash routes: no router library, and a reload (which forgets the
// keys anyway) comes back to the same page after logging in.
import type { Role } from '../../core/api/schemas.ts';

export const PAGES = {
  inbox: { title: 'Inbox', admins: false },
  held: { title: 'Held now', admins: false },
  due: { title: 'Due soon', admins: false },
  records: { title: 'Records', admins: false },
  registry: { title: 'Registries', admins: true },
  members: { title: 'Members', admins: true },
  account: { title: 'My account', admins: false },
  audit: { title: 'Audit log', admins: true },
} as const;
export type Page = keyof typeof PAGES;

export function pageFromHash(hash: string, role: Role): Page {
  const name = hash.replace(/^#\/?/, '').split('/')[0]!;
  if (!(name in PAGES)) return 'inbox';
  const page = name as Page;
  return PAGES[page].admins && role !== 'admin' ? 'inbox' : page;
}

export function pagesFor(role: Role): Page[] {
  return (Object.keys(PAGES) as Page[]).filter((p) => !PAGES[p].admins || role === 'admin');
}

/** The id after the page name, e.g. #records/<incident id>. */
export const idFromHash = (hash: string): string | null => hash.replace(/^#\/?/, '').split('/')[1] ?? null;
