// Who may be named outside the team, and how: THE naming rule, shared by UN communications and
// exports. A person is named only if their consent_sharing is 'un' or 'public' (any value not
// known to allow it is refused), and then as their name_preference says — full name, initials, or
// not at all (anonymous). Anyone else is 'excluded'.

export type UnNaming = 'name' | 'initials' | 'anonymous' | 'excluded';

export function unNaming(person: { consentSharing?: unknown; namePreference?: unknown }): UnNaming {
  if (person.consentSharing !== 'un' && person.consentSharing !== 'public') return 'excluded';
  return person.namePreference === 'name' || person.namePreference === 'initials' ? person.namePreference : 'anonymous';
}

/** What may be printed for a person's name, or null where nothing may be. */
export function shownName(name: string | null | undefined, naming: UnNaming): string | null {
  const clean = name?.trim();
  if (!clean) return null;
  if (naming === 'name') return clean;
  if (naming === 'initials') return initialsOf(clean);
  return null;
}

/** "Leyla Məmmədova-Əliyeva" → "L. M.-Ə."; "руслан алиев-оглы" → "Р. А.-О." (the same on every machine: no locale). */
export function initialsOf(name: string): string {
  return name
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => word.split('-').map((part) => (part ? `${[...part][0]!.toUpperCase()}.` : '')).join('-'))
    .join(' ');
}
