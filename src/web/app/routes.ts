// The workspace's pages, as #hash routes: no router library, and a reload (which forgets the
// keys anyway) comes back to the same page after logging in.
import type { Role } from '../../core/api/schemas.ts';

export const PAGES = {
  inbox: { title: 'Inbox', admins: false, hidden: false },
  held: { title: 'Held now', admins: false, hidden: false },
  due: { title: 'Due soon', admins: false, hidden: false },
  records: { title: 'Records', admins: false, hidden: false },
  duplicates: { title: 'Possible duplicates', admins: false, hidden: false, roles: ['admin', 'coordinator', 'documenter'] },
  dashboard: { title: 'Dashboard', admins: false, hidden: false },
  estimate: { title: 'Estimate', admins: false, hidden: false, roles: ['admin', 'coordinator'] },
  situation: { title: 'Situation report', admins: false, hidden: false, roles: ['admin', 'coordinator'] },
  appeal: { title: 'UN communication', admins: false, hidden: false, roles: ['admin', 'coordinator'] },
  export: { title: 'Export', admins: false, hidden: false },
  alerts: { title: 'Alerts', admins: false, hidden: false, roles: ['admin', 'coordinator'] },
  partners: { title: 'Partners', admins: false, hidden: false, roles: ['admin', 'coordinator'] },
  channels: { title: 'Channels', admins: false, hidden: false, roles: ['admin', 'coordinator'] },
  guides: { title: 'Rights & safety pages', admins: false, hidden: false, roles: ['admin', 'coordinator'] },
  registry: { title: 'Registries', admins: true, hidden: false },
  person: { title: 'Person', admins: false, hidden: true },
  place: { title: 'Place', admins: false, hidden: true },
  members: { title: 'Members', admins: true, hidden: false },
  recovery: { title: 'Recovery', admins: true, hidden: false },
  account: { title: 'My account', admins: false, hidden: false },
  audit: { title: 'Audit log', admins: true, hidden: false },
  settings: { title: 'Settings', admins: true, hidden: false },
} as const;

export type Page = keyof typeof PAGES;

/** A page open to some roles only (besides admins-only pages) lists them. */
const opensTo = (page: Page, role: Role): boolean => {
  const rule: { admins: boolean; roles?: readonly Role[] } = PAGES[page];
  return (!rule.admins || role === 'admin') && (!rule.roles || rule.roles.includes(role));
};

export function pageFromHash(hash: string, role: Role): Page {
  const name = hash.replace(/^#\/?/, '').split('/')[0]!;
  if (!(name in PAGES)) return 'inbox';
  const page = name as Page;
  return opensTo(page, role) ? page : 'inbox';
}

/** The pages in the navigation: a person's page is reached from a record, not from the bar. */
export function pagesFor(role: Role): Page[] {
  return (Object.keys(PAGES) as Page[]).filter((p) => !PAGES[p].hidden && opensTo(p, role));
}

/** The id after the page name, e.g. #records/<incident id>. */
export const idFromHash = (hash: string): string | null => hash.replace(/^#\/?/, '').split('/')[1] ?? null;
