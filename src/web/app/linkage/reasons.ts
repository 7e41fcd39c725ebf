// A suggestion's explanation (the engine's verdict on each field) in plain words for the member
// deciding: "same name in Latin and Cyrillic", "same birth year", "held at Binagadi on the same
// day" — never bits or weights.
import type { Explanation, Field } from '../../../core/linkage/compare.ts';
import type { Suggestion } from '../../../core/linkage/link.ts';

/** What the words need of each side: its name as written, and where and whether it was held. */
export interface Side {
  name: string;
  placeId: string | null;
  held: boolean;
}

export interface Reasons {
  alike: string[];
  differ: string[];
}

const scriptOf = (text: string): string | null => (/\p{Script=Cyrillic}/u.test(text) ? 'Cyrillic' : /\p{Script=Latin}/u.test(text) ? 'Latin' : null);

function sameName(a: Side, b: Side): string {
  const [x, y] = [scriptOf(a.name), scriptOf(b.name)];
  if (x && y && x !== y) return `same name in ${x} and ${y}`;
  return a.name.trim().toLocaleLowerCase() === b.name.trim().toLocaleLowerCase() ? 'same name' : 'same name, spelt differently';
}

const WORDS: Record<Exclude<Field, 'place' | 'eventDate'>, [string, string, string]> = {
  surname: ['same surname', 'similar surname', 'different surname'],
  given: ['same given name', 'similar given name or initial', 'different given name'],
  patronymic: ["same father's name", "similar father's name", "different father's name"],
  birthYear: ['same birth year', 'birth years a year apart', 'different birth years'],
};

export function reasonsOf(suggestion: Pick<Suggestion, 'fields'>, a: Side, b: Side, placeLabel: (id: string) => string): Reasons {
  const verdict = (field: Field): Explanation['verdict'] => suggestion.fields.find((f) => f.field === field)?.verdict ?? 'unknown';
  const alike: string[] = [];
  const differ: string[] = [];
  const say = (field: keyof typeof WORDS) => {
    const [same, close, different] = WORDS[field];
    const v = verdict(field);
    if (v === 'agrees') alike.push(same);
    else if (v === 'close') alike.push(close);
    else if (v === 'disagrees') differ.push(different);
  };
  if (verdict('surname') === 'agrees' && verdict('given') === 'agrees') alike.push(sameName(a, b));
  else {
    say('surname');
    say('given');
  }
  say('patronymic');
  say('birthYear');

  const day = verdict('eventDate');
  const when = day === 'agrees' ? ' on the same day' : day === 'close' ? ' within a few days' : '';
  if (verdict('place') === 'agrees' && a.placeId) {
    alike.push(`${a.held && b.held ? 'held at' : 'at'} ${placeLabel(a.placeId)}${when}`);
  } else {
    if (verdict('place') === 'disagrees') differ.push('different places');
    if (when) alike.push(when.trim());
  }
  if (day === 'disagrees') differ.push('dates far apart');
  return { alike, differ };
}

/** One line: "same name in Latin and Cyrillic, same birth year; but different places". */
export function reasonsLine({ alike, differ }: Reasons): string {
  const agree = alike.join(', ');
  const but = differ.join(', ');
  return agree && but ? `${agree}; but ${but}` : agree || but;
}

export const percent = (probability: number): string => `${Math.round(probability * 100)}%`;
