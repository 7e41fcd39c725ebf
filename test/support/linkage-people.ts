// A labelled set of person records for linkage (issue 11), from a documented seeded generator
// (docs/linkage-evaluation.md): people with the region's common names — so many different people
// share a surname, a given name, even both — each written one to six times, in Azerbaijani Latin,
// Russian Cyrillic or English, in the orders and forms each source uses, with typos, a year off,
// missing fields and dates a day or two apart. `truth` is the person a record is of.
import type { LinkagePerson } from '../../src/core/linkage/compare.ts';
import { seeded } from '../../src/core/linkage/seeded.ts';

/** [Azerbaijani, Russian, English]; the first ones are the most common (weights fall as 1/rank). */
const SURNAMES = [
  ['Məmmədov', 'Мамедов', 'Mammadov'], ['Əliyev', 'Алиев', 'Aliyev'], ['Həsənov', 'Гасанов', 'Hasanov'], ['Hüseynov', 'Гусейнов', 'Huseynov'],
  ['Quliyev', 'Кулиев', 'Guliyev'], ['İsmayılov', 'Исмаилов', 'Ismayilov'], ['Abbasov', 'Аббасов', 'Abbasov'], ['Cəfərov', 'Джафаров', 'Jafarov'],
  ['Rəhimov', 'Рагимов', 'Rahimov'], ['Həsənli', 'Гасанлы', 'Hasanli'], ['Süleymanov', 'Сулейманов', 'Suleymanov'], ['Nəsirov', 'Насиров', 'Nasirov'],
  ['Hacıyev', 'Гаджиев', 'Hajiyev'], ['Ağayev', 'Агаев', 'Agayev'], ['Qasımov', 'Гасымов', 'Gasimov'], ['Babayev', 'Бабаев', 'Babayev'],
  ['Kərimov', 'Керимов', 'Karimov'], ['Orucov', 'Оруджев', 'Orujov'], ['Səfərov', 'Сафаров', 'Safarov'], ['Bağırov', 'Багиров', 'Baghirov'],
  ['Xəlilov', 'Халилов', 'Khalilov'], ['Mustafayev', 'Мустафаев', 'Mustafayev'], ['Sadıqov', 'Садыгов', 'Sadigov'], ['Vəliyev', 'Велиев', 'Valiyev'],
  ['Əhmədov', 'Ахмедов', 'Ahmadov'], ['Novruzov', 'Новрузов', 'Novruzov'], ['Rüstəmov', 'Рустамов', 'Rustamov'], ['Zeynalov', 'Зейналов', 'Zeynalov'],
  ['Şükürov', 'Шукюров', 'Shukurov'], ['Vəzirzadə', 'Вазирзаде', 'Vazirzade'], ['Məhərrəmov', 'Магеррамов', 'Maharramov'], ['Nağıyev', 'Нагиев', 'Naghiyev'],
  ['Allahverdiyev', 'Аллахвердиев', 'Allahverdiyev'], ['Əsgərov', 'Аскеров', 'Asgarov'], ['Qurbanov', 'Курбанов', 'Gurbanov'], ['Tağıyev', 'Тагиев', 'Taghiyev'],
  ['Həmidov', 'Гамидов', 'Hamidov'], ['Salmanov', 'Салманов', 'Salmanov'], ['Musayev', 'Мусаев', 'Musayev'], ['İbrahimov', 'Ибрагимов', 'Ibrahimov'],
  ['Məlikov', 'Меликов', 'Malikov'], ['Rzayev', 'Рзаев', 'Rzayev'], ['Yusifov', 'Юсифов', 'Yusifov'], ['Əzizov', 'Азизов', 'Azizov'],
  ['Paşayev', 'Пашаев', 'Pashayev'], ['Hümbətov', 'Гумбатов', 'Humbatov'], ['Eyvazov', 'Эйвазов', 'Eyvazov'], ['Bayramov', 'Байрамов', 'Bayramov'],
  ['Seyidov', 'Сеидов', 'Seyidov'], ['Muradov', 'Мурадов', 'Muradov'], ['Şirinov', 'Ширинов', 'Shirinov'], ['Cəlilov', 'Джалилов', 'Jalilov'],
  ['Fətəliyev', 'Фаталиев', 'Fataliyev'], ['Qəhrəmanov', 'Гахраманов', 'Gahramanov'], ['Zeynallı', 'Зейналлы', 'Zeynalli'], ['Sultanov', 'Султанов', 'Sultanov'],
  ['Kazımov', 'Кязимов', 'Kazimov'], ['Əmirov', 'Амиров', 'Amirov'],
] as const;
const MEN = [
  ['Elvin', 'Эльвин', 'Elvin'], ['Rəşad', 'Рашад', 'Rashad'], ['Vüqar', 'Вугар', 'Vugar'], ['Cavid', 'Джавид', 'Javid'], ['Orxan', 'Орхан', 'Orkhan'],
  ['Nicat', 'Ниджат', 'Nijat'], ['Kamran', 'Камран', 'Kamran'], ['Tural', 'Турал', 'Tural'], ['Ramil', 'Рамиль', 'Ramil'], ['Murad', 'Мурад', 'Murad'],
  ['Əli', 'Али', 'Ali'], ['Məhəmməd', 'Магомед', 'Mahammad'], ['Hüseyn', 'Гусейн', 'Huseyn'], ['Ramin', 'Рамин', 'Ramin'], ['Emin', 'Эмин', 'Emin'],
  ['Fərid', 'Фарид', 'Farid'], ['Elçin', 'Эльчин', 'Elchin'], ['Səbuhi', 'Сабухи', 'Sabuhi'], ['Anar', 'Анар', 'Anar'], ['Rüfət', 'Руфат', 'Rufat'],
  ['Zaur', 'Заур', 'Zaur'], ['Vüsal', 'Вюсал', 'Vusal'], ['Toğrul', 'Тогрул', 'Toghrul'], ['İlkin', 'Илькин', 'Ilkin'], ['Samir', 'Самир', 'Samir'],
  ['Rauf', 'Рауф', 'Rauf'], ['Elnur', 'Эльнур', 'Elnur'], ['Fuad', 'Фуад', 'Fuad'], ['Cəlal', 'Джалал', 'Jalal'], ['Azər', 'Азер', 'Azer'],
  ['Namiq', 'Намик', 'Namig'], ['Şahin', 'Шахин', 'Shahin'], ['Rövşən', 'Ровшан', 'Rovshan'], ['Elşən', 'Эльшан', 'Elshan'], ['Kənan', 'Кенан', 'Kanan'],
  ['Teymur', 'Теймур', 'Teymur'], ['Vasif', 'Васиф', 'Vasif'], ['Pərviz', 'Парвиз', 'Parviz'], ['Ayxan', 'Айхан', 'Aykhan'], ['Xəyal', 'Хаял', 'Khayal'],
] as const;
const WOMEN = [
  ['Leyla', 'Лейла', 'Leyla'], ['Aysel', 'Айсель', 'Aysel'], ['Günel', 'Гюнель', 'Gunel'], ['Nigar', 'Нигяр', 'Nigar'], ['Sevinc', 'Севиндж', 'Sevinj'],
  ['Aygün', 'Айгюн', 'Aygun'], ['Nərmin', 'Нармин', 'Narmin'], ['Lalə', 'Лала', 'Lala'], ['Səbinə', 'Сабина', 'Sabina'], ['Fidan', 'Фидан', 'Fidan'],
  ['Könül', 'Кёнуль', 'Konul'], ['Ülviyyə', 'Ульвия', 'Ulviyya'], ['Gülnar', 'Гюльнар', 'Gulnar'], ['Səidə', 'Саида', 'Saida'], ['Aynur', 'Айнур', 'Aynur'],
  ['Təranə', 'Тарана', 'Tarana'], ['Ülkər', 'Улькер', 'Ulkar'], ['Zəhra', 'Захра', 'Zahra'], ['Mehriban', 'Мехрибан', 'Mehriban'], ['Röya', 'Роя', 'Roya'],
  ['Xədicə', 'Хадиджа', 'Khadija'], ['Arzu', 'Арзу', 'Arzu'], ['Şəbnəm', 'Шабнам', 'Shabnam'], ['Vüsalə', 'Вюсаля', 'Vusala'],
] as const;
const PLACES = [
  ['Binəqədi', 'Бинагади', 'Binagadi'], ['Nəsimi', 'Насими', 'Nasimi'], ['Səbail', 'Сабаил', 'Sabail'], ['Xətai', 'Хатаи', 'Khatai'],
  ['Yasamal', 'Ясамал', 'Yasamal'], ['Nərimanov', 'Нариманов', 'Narimanov'], ['Nizami', 'Низами', 'Nizami'], ['Suraxanı', 'Сураханы', 'Surakhani'],
  ['Sabunçu', 'Сабунчи', 'Sabunchu'], ['Xəzər', 'Хазар', 'Khazar'], ['Qaradağ', 'Гарадаг', 'Garadagh'], ['Pirallahı', 'Пираллахи', 'Pirallahi'],
] as const;

/**
 * Most Azerbaijani surnames are a forefather's name with -ov/-ev, -li or -zadə: the same suffixes on
 * the given names above make a long tail of rarer surnames after the common ones.
 */
const DERIVED_SURNAMES = MEN.flatMap(([az, ru, en]) =>
  /[aeiouəöüı]$/i.test(az) ? [] : [[`${az}ov`, `${ru.replace(/ь$/, '')}ов`, `${en}ov`], [`${az}li`, `${ru.replace(/ь$/, '')}лы`, `${en}li`], [`${az}zadə`, `${ru}заде`, `${en}zade`]],
);
const ALL_SURNAMES: readonly (readonly string[])[] = [...SURNAMES, ...DERIVED_SURNAMES.filter(([az]) => !SURNAMES.some(([known]) => known === az))];

export interface LabelledRecord extends LinkagePerson {
  truth: number;
  /** The person's name as English writes it, without typos: what a perfect name matcher would see. */
  trueName: string;
}

export interface GeneratorOptions {
  seed: number;
  people: number;
}


export function labelledPeople({ seed, people }: GeneratorOptions): LabelledRecord[] {
  const r = seeded(seed);
  const chance = (p: number) => r() < p;
  const zipf = <T extends readonly string[]>(xs: readonly T[]): T => xs[weightedIndex(r, xs.length)]!;
  const records: LabelledRecord[] = [];
  for (let p = 0; p < people; p++) {
    const woman = chance(0.3);
    const person = {
      surname: zipf<readonly string[]>(ALL_SURNAMES),
      given: zipf<readonly string[]>(woman ? WOMEN : MEN),
      father: zipf(MEN),
      year: 1965 + Math.floor(r() * 42),
      place: zipf(PLACES),
      day: Date.UTC(2026, 9, 1) / 86_400_000 + Math.floor(r() * 60),
    };
    const copies = chance(0.5) ? 1 : chance(0.5) ? 2 : chance(0.6) ? 3 : 4 + Math.floor(r() * 3);
    for (let c = 0; c < copies; c++) {
      const script = chance(0.4) ? 0 : chance(0.58) ? 1 : 2;
      const name = written(r, script, person.surname[script]!, person.given[script]!, person.father[script]!, woman);
      records.push({
        id: `r${records.length}`,
        truth: p,
        trueName: `${person.given[2]} ${woman ? feminine(person.surname[2]!, 2) : person.surname[2]}`,
        name,
        otherNames: chance(0.08) ? [written(r, (script + 1) % 3, person.surname[(script + 1) % 3]!, person.given[(script + 1) % 3]!, person.father[(script + 1) % 3]!, woman)] : [],
        birthYear: chance(0.45) ? null : person.year + (chance(0.1) ? (chance(0.5) ? 1 : -1) : 0),
        place: chance(0.35) ? null : person.place[Math.floor(r() * 3)]!,
        eventDate: chance(0.15) ? null : new Date((person.day + Math.floor(r() * 3)) * 86_400_000).toISOString().slice(0, 10),
      });
    }
  }
  return records;
}

/**
 * Zipf-like: rank k drawn with weight 1/√(k+1). Of about 190 surnames the most common is one
 * person in 26; of 45 men's names, one man in 12 has the most common.
 */
function weightedIndex(r: () => number, n: number): number {
  const weight = (k: number) => 1 / Math.sqrt(k + 1);
  const total = Array.from({ length: n }, (_, k) => weight(k)).reduce((a, b) => a + b, 0);
  let x = r() * total;
  for (let k = 0; k < n; k++) {
    x -= weight(k);
    if (x <= 0) return k;
  }
  return n - 1;
}

/** One source's way of writing the name: its order, a patronymic, an initial, a typo. */
function written(r: () => number, script: number, surname: string, given: string, father: string, woman: boolean): string {
  const family = typo(r, woman ? feminine(surname, script) : surname);
  const first = typo(r, given);
  const form = r();
  if (script === 0) {
    if (form < 0.4) return `${first} ${family}`;
    if (form < 0.6) return `${family} ${first}`;
    if (form < 0.85) return `${family} ${first} ${father} ${woman ? 'qızı' : 'oğlu'}`;
    return `${[...first][0]}. ${family}`;
  }
  if (script === 1) {
    if (form < 0.4) return `${family} ${first}`;
    if (form < 0.65) return `${first} ${family}`;
    if (form < 0.9) return `${family} ${first} ${russianPatronymic(father, woman)}`;
    return `${family} ${[...first][0]}.`;
  }
  if (form < 0.7) return `${first} ${family}`;
  if (form < 0.9) return `${[...first][0]}. ${family}`;
  return `${family.toUpperCase()} ${first}`;
}

function feminine(surname: string, script: number): string {
  if (/(ov|ev|ов|ев)$/.test(surname)) return surname + (script === 1 ? 'а' : 'a');
  return surname;
}

function russianPatronymic(father: string, woman: boolean): string {
  const stem = father.replace(/ь$/, '');
  const soft = /[аеиоуыэюяйь]$/.test(father);
  return stem + (soft ? (woman ? 'евна' : 'евич') : woman ? 'овна' : 'ович');
}

/** A typo in one copy in eight: two letters swapped, one dropped, one doubled, or one changed. */
function typo(r: () => number, word: string): string {
  if (r() >= 0.125 || word.length < 4) return word;
  const letters = [...word];
  const at = 1 + Math.floor(r() * (letters.length - 2));
  const kind = Math.floor(r() * 4);
  if (kind === 0) [letters[at], letters[at + 1]] = [letters[at + 1]!, letters[at]!];
  else if (kind === 1) letters.splice(at, 1);
  else if (kind === 2) letters.splice(at, 0, letters[at]!);
  else letters[at] = letters[at - 1]!;
  return letters.join('');
}

/** The clusters of a perfect name matcher: every record with the same true name together (the ceiling namesakes leave). */
export function perfectNameClusters(records: readonly LabelledRecord[]): number[] {
  const numbers = new Map<string, number>();
  return records.map((r) => numbers.get(r.trueName) ?? (numbers.set(r.trueName, numbers.size), numbers.size - 1));
}

/** Pairwise precision, recall and F1 of clusters against the truth (every true pair counts, found or not). */
export function pairwiseScores(records: readonly LabelledRecord[], clusterOf: ArrayLike<number>) {
  const pairsIn = (groups: Map<string, number>) => [...groups.values()].reduce((sum, n) => sum + (n * (n - 1)) / 2, 0);
  const count = (key: (i: number) => string) => {
    const groups = new Map<string, number>();
    records.forEach((_, i) => groups.set(key(i), (groups.get(key(i)) ?? 0) + 1));
    return groups;
  };
  const truePairs = pairsIn(count((i) => `${records[i]!.truth}`));
  const foundPairs = pairsIn(count((i) => `${clusterOf[i]}`));
  const correct = pairsIn(count((i) => `${records[i]!.truth}|${clusterOf[i]}`));
  const precision = foundPairs ? correct / foundPairs : 1;
  const recall = truePairs ? correct / truePairs : 1;
  return { precision, recall, f1: (2 * precision * recall) / (precision + recall || 1), truePairs, foundPairs };
}
