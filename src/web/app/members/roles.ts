// Roles as the workspace names them, in the member's language (members/words.ts's roleWords).
import { ROLES, type Role } from '../../../core/team/roles.ts';
import { translator } from '../../../core/i18n/message.ts';
import type { Language } from '../../../core/i18n/languages.ts';
import { currentLanguage } from '../i18n/language.ts';
import { useWords } from '../i18n/context.tsx';
import { roleWords } from './words.ts';

export { ROLES, type Role };

/** "Administrator", "Администратор", "Administrator": a role's name as a label. */
export const roleName = (role: Role, language: Language = currentLanguage()): string => translator(roleWords, language)(role);

/** A role's name in the workspace's language, for components (re-renders when the language changes). */
export function useRoleName(): (role: Role) => string {
  const t = useWords(roleWords);
  return (role) => t(role);
}

/** What a role may do, as a sentence. */
export const roleHint = (role: Role, language: Language = currentLanguage()): string => translator(roleWords, language)('hint', { role });
