// Names as documents and exports may print them when a person asked for initials only.

/** "Leyla Məmmədova-Əliyeva" → "L. M.-Ə."; "руслан алиев-оглы" → "Р. А.-О." (the same on every machine: no locale). */
export function initialsOf(name: string): string {
  return name
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => word.split('-').map((part) => (part ? `${[...part][0]!.toUpperCase()}.` : '')).join('-'))
    .join(' ');
}
