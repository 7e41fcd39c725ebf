import { ROLES, type Role } from '../../../core/api/schemas.ts';

export { ROLES, type Role };

export const ROLE_NAMES: Record<Role, string> = {
  admin: 'Administrator',
  coordinator: 'Coordinator',
  documenter: 'Documenter',
  viewer: 'Viewer',
};

export const ROLE_HINTS: Record<Role, string> = {
  admin: 'reads and triages reports, manages members, keys and sessions',
  coordinator: 'reads and triages reports',
  documenter: 'reads and triages reports, writes notes and replies',
  viewer: 'reads reports only',
};
