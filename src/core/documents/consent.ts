// Who may be named in a document, and how. THE CONSENT RULE for UN communications:
//   a person is named only if their consent_sharing is 'un' or 'public', and then as their
//   name_preference says — full name, initials, or anonymous (described, not named);
//   anyone else is left out entirely (no name, no details) and only counted, and the document
//   says so. Situation reports quote accounts only of people whose consent_sharing is 'public',
//   and never name them. (docs/data-model.md, "Consent in documents".)
import { unNaming } from '../records/names.ts';

export { initialsOf, shownName, unNaming, type UnNaming } from '../records/names.ts';

/** A situation report may quote an account, without names, only with consent to public use. */
export const mayQuotePublicly = (person: { consentSharing?: unknown }): boolean => person.consentSharing === 'public';

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The words of a name worth looking for in free text: the whole name and each part of 3+ letters. */
function nameParts(names: string[]): string[] {
  const parts = new Set<string>();
  for (const name of names) {
    for (const whole of name.split(/[,;\n]/)) {
      const w = whole.trim();
      if (w.length >= 3) parts.add(w);
      for (const word of w.split(/\s+/)) if ([...word].length >= 3) parts.add(word);
    }
  }
  // Longest first, so "Orxan Məmmədov" is replaced before "Orxan".
  return [...parts].sort((a, b) => b.length - a.length);
}

/**
 * Replaces people's names in free text before it goes into a document. Inflected forms are
 * caught too (a word of 5+ letters matches from its stem: "Руслана", "Məmmədova"), so it errs on
 * the side of removing too much. A safety net under the member's own reading, not a guarantee.
 */
export function redactNames(text: string, people: { names: string[]; replacement: string }[]): string {
  let out = text;
  for (const { names, replacement } of people) {
    for (const part of nameParts(names)) {
      const letters = [...part];
      const stem = letters.length >= 5 && !/\s/.test(part) ? letters.slice(0, -1).join('') : part;
      out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(stem)}\\p{L}*`, 'giu'), replacement);
    }
  }
  return out;
}
