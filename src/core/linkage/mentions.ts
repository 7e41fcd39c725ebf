// What a report's text may be about: the names in it (runs of two to four capitalised words, in
// any script: "Гасанов Эльвин", "Həsənov Elvin Rəşad oğlu", "E. Hasanov") and the places on record
// it mentions (by any of their labels, however spelt). Pure: the browser reads the opened report and
// scores the names against the people on record itself (link.ts `matchesOf`); nothing is sent.
import { searchWordsOf } from './search.ts';

/** A name is two to four words, read as windows of a run of capitalised words. */
const NAME_WORDS = { least: 2, most: 4 } as const;
/** At most this many names are taken from one text: a report is not a phone book. */
const MOST_NAMES = 20;
/** Lower-case words that continue a name: the patronymic's "son of" / "daughter of". */
const PATRONYMIC_WORDS = new Set(['oğlu', 'qızı', 'oglu', 'gizi', 'kizi', 'оглы', 'кызы']);
/** A word and what follows it up to the next word: a name runs on over spaces only, not over a comma or full stop. */
const WORD = /([\p{L}\p{M}'’-]+\.?)([^\p{L}\p{M}]*)/gu;

const capitalised = (word: string) => /^\p{Lu}/u.test(word);

/** The names written in a text, each once, in the order they first appear. */
export function namesMentioned(text: string): string[] {
  const runs: string[][] = [];
  let run: string[] = [];
  const close = () => {
    if (run.length > 0) runs.push(run);
    run = [];
  };
  for (const [, word, gap] of text.matchAll(WORD)) {
    // An initial ("E.") ends in a full stop that does not end the name.
    const initial = /^\p{Lu}\.$/u.test(word!);
    if (capitalised(word!) || (run.length > 0 && PATRONYMIC_WORDS.has(word!.toLowerCase()))) run.push(initial ? word! : word!.replace(/\.$/, ''));
    else close();
    if ((!initial && word!.endsWith('.')) || !/^[^\S\n]*$/.test(gap!)) close();
  }
  close();
  const names = new Set<string>();
  for (const words of runs) {
    if (words.length < NAME_WORDS.least) continue;
    // Every window, longest first: "Yesterday Elvin Həsənov" (a sentence's first word) holds "Elvin Həsənov".
    for (let size = Math.min(NAME_WORDS.most, words.length); size >= NAME_WORDS.least; size--) {
      for (let at = 0; at + size <= words.length; at++) names.add(words.slice(at, at + size).join(' '));
    }
  }
  return [...names].slice(0, MOST_NAMES);
}

/** Proper words of a place label shorter than this are not taken as a mention ("РУП", "Baku" is 4). */
const PLACE_WORD_MIN = 4;
/** A place's word and a text's word meet when one starts with the other and the shorter is this long ("Бинагади" in "Бинагадинское"). */
const PLACE_STEM_MIN = 5;

/**
 * The places a text mentions, by id: a place is mentioned when a capitalised word of one of its
 * labels (in any language) is written in the text, spelt in any script ("Binəqədi", "Бинагади",
 * "Binagadi"; "Бинагадинское" for "Бинагади").
 */
export function placesMentioned(text: string, places: readonly { id: string; labels: readonly string[] }[]): string[] {
  const words = new Set(searchWordsOf(text));
  const meets = (placeWord: string) => {
    if (words.has(placeWord)) return true;
    if (placeWord.length < PLACE_STEM_MIN) return false;
    for (const word of words) if (word.length >= PLACE_STEM_MIN && (word.startsWith(placeWord) || placeWord.startsWith(word))) return true;
    return false;
  };
  return places
    .filter((place) =>
      place.labels.some((label) =>
        label
          .split(/\s+/)
          .filter((w) => capitalised(w) && w.length >= PLACE_WORD_MIN)
          .some((w) => searchWordsOf(w).some(meets)),
      ),
    )
    .map((p) => p.id);
}

/** Whole days between two calendar days (YYYY-MM-DD), either order. */
export function daysApart(a: string, b: string): number {
  return Math.abs(Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / 86_400_000;
}
