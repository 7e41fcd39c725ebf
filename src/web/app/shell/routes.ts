// The workspace's pages, as #hash routes: no router library, and a reload (which forgets the
// keys anyway) comes back to the same page after logging in. A page's name is in page-words.ts;
// the top bar shows the inbox alone and the rest in three groups.
import type { Role } from '../../../core/team/roles.ts';
import { COORDINATORS, WRITERS } from '../../../core/team/roles.ts';

export const GROUPS = ['records', 'reports', 'team'] as const;
export type Group = (typeof GROUPS)[number];

interface PageRule {
  /** Administrators only. */
  admins: boolean;
  /** Reached from a record, not from the bar. */
  hidden: boolean;
  /** Open to these roles only (besides the admins rule). */
  roles?: readonly Role[];
  /** Where the bar lists it; none: on its own (the inbox). */
  group?: Group;
}

export const PAGES = {
  inbox: { admins: false, hidden: false },
  records: { admins: false, hidden: false, group: 'records' },
  held: { admins: false, hidden: false, group: 'records' },
  due: { admins: false, hidden: false, group: 'records' },
  registry: { admins: true, hidden: false, group: 'records' },
  duplicates: { admins: false, hidden: false, roles: WRITERS, group: 'records' },
  dashboard: { admins: false, hidden: false, group: 'reports' },
  estimate: { admins: false, hidden: false, roles: COORDINATORS, group: 'reports' },
  situation: { admins: false, hidden: false, roles: COORDINATORS, group: 'reports' },
  appeal: { admins: false, hidden: false, roles: COORDINATORS, group: 'reports' },
  export: { admins: false, hidden: false, group: 'reports' },
  members: { admins: true, hidden: false, group: 'team' },
  account: { admins: false, hidden: false, group: 'team' },
  audit: { admins: true, hidden: false, group: 'team' },
  settings: { admins: true, hidden: false, group: 'team' },
  recovery: { admins: true, hidden: false, group: 'team' },
  channels: { admins: false, hidden: false, roles: COORDINATORS, group: 'team' },
  partners: { admins: false, hidden: false, roles: COORDINATORS, group: 'team' },
  guides: { admins: false, hidden: false, roles: COORDINATORS, group: 'team' },
  alerts: { admins: false, hidden: false, roles: COORDINATORS, group: 'team' },
  person: { admins: false, hidden: true },
  place: { admins: false, hidden: true },
} as const satisfies Record<string, PageRule>;

export type Page = keyof typeof PAGES;

const ruleOf = (page: Page): PageRule => PAGES[page];

const opensTo = (page: Page, role: Role): boolean => {
  const rule = ruleOf(page);
  return (!rule.admins || role === 'admin') && (!rule.roles || rule.roles.includes(role));
};

export function pageFromHash(hash: string, role: Role): Page {
  const name = hash.replace(/^#\/?/, '').split('/')[0]!;
  if (!Object.hasOwn(PAGES, name)) return 'inbox';
  const page = name as Page;
  return opensTo(page, role) ? page : 'inbox';
}

/** The pages in the navigation: a person's page is reached from a record, not from the bar. */
export function pagesFor(role: Role): Page[] {
  return (Object.keys(PAGES) as Page[]).filter((p) => !ruleOf(p).hidden && opensTo(p, role));
}

/** The bar's group a page is listed in (none for the inbox and the hidden pages). */
export const groupOf = (page: Page): Group | undefined => ruleOf(page).group;

/** The id after the page name, e.g. #records/<incident id>. */
export const idFromHash = (hash: string): string | null => hash.replace(/^#\/?/, '').split('/')[1] ?? null;
