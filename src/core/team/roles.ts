// A member's role, and the sets of roles that may do each kind of work: the one place where who may
// do what is written. Server routes name a set as their `access`; the workspace shows a page to the
// same set.
export const ROLES = ['admin', 'coordinator', 'documenter', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** Everyone on the team: reading records, exports, the boards. */
export const EVERYONE: readonly Role[] = ROLES;
/** Those who write records and review what reports say. */
export const WRITERS: readonly Role[] = ['admin', 'coordinator', 'documenter'];
/** Those who speak for the organization: bundles, channels, guides, alerts, estimates, documents. */
export const COORDINATORS: readonly Role[] = ['admin', 'coordinator'];
/** Administrators alone: members, keys, settings, purges, lockdown. */
export const ADMINS: readonly Role[] = ['admin'];
