// Issue 11, second step: comparison vectors and Fellegi–Sunter weights fitted by EM, on a labelled
// set made by a seeded generator — one person written in Azerbaijani, Russian or English, with
// missing fields, a year off, typos, and many different people sharing common surnames.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { compare, explain, FIELDS, LEVELS, prepare, type LinkagePerson } from '../src/core/linkage/compare.ts';
import { fieldWeights, fitFellegiSunter, matchProbability } from '../src/core/linkage/fellegi-sunter.ts';
import { parseName } from '../src/core/linkage/names.ts';
import { seeded as random } from '../src/core/linkage/seeded.ts';

const SURNAMES = [['Həsənov', 'Гасанов', 'Hasanov'], ['Məmmədov', 'Мамедов', 'Mammadov'], ['Hüseynov', 'Гусейнов', 'Huseynov'], ['Hacıyev', 'Гаджиев', 'Hajiyev'], ['Cəfərov', 'Джафаров', 'Jafarov'], ['Quliyev', 'Кулиев', 'Guliyev'], ['Əliyev', 'Алиев', 'Aliyev'], ['Xəlilov', 'Халилов', 'Khalilov']];
const GIVEN = [['Elvin', 'Эльвин', 'Elvin'], ['Rəşad', 'Рашад', 'Rashad'], ['Vüqar', 'Вугар', 'Vugar'], ['Cavid', 'Джавид', 'Javid'], ['Orxan', 'Орхан', 'Orkhan'], ['Nicat', 'Ниджат', 'Nijat'], ['Kamran', 'Камран', 'Kamran'], ['Tural', 'Турал', 'Tural'], ['Ramil', 'Рамиль', 'Ramil'], ['Murad', 'Мурад', 'Murad']];
const PLACES = ['Binagadi', 'Garadagh', 'Khatai', 'Khazar', 'Narimanov', 'Nasimi', 'Nizami', 'Sabail', 'Sabunchu', 'Yasamal'];


function labelledSet(seed: number, people: number): (LinkagePerson & { truth: number })[] {
  const r = random(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const records: (LinkagePerson & { truth: number })[] = [];
  for (let p = 0; p < people; p++) {
    const [surname, given, father, year, place, day] = [pick(SURNAMES), pick(GIVEN), pick(GIVEN), 1980 + Math.floor(r() * 25), pick(PLACES), 1 + Math.floor(r() * 28)];
    const copies = 1 + Math.floor(r() * 3);
    for (let c = 0; c < copies; c++) {
      const script = Math.floor(r() * 3);
      let family = surname[script]!;
      if (r() < 0.1) family = family.slice(0, 2) + family[3] + family[2] + family.slice(4); // a typo
      // Official forms put the surname first and add the father's name; informal ones use initials.
      const official = r() < 0.3;
      const name =
        script === 0 && official ? `${family} ${given[0]} ${father[0]} oğlu`
        : script === 1 ? `${family} ${given[1]}${official ? ` ${father[1]}ович` : ''}`
        : r() < 0.2 ? `${given[script]![0]}. ${family}`
        : `${given[script]} ${family}`;
      records.push({
        id: `r${records.length}`,
        truth: p,
        name,
        birthYear: r() < 0.3 ? null : year + (r() < 0.1 ? 1 : 0),
        place: r() < 0.3 ? null : place,
        eventDate: `2026-11-${String(Math.min(28, day + Math.floor(r() * 2))).padStart(2, '0')}`,
      });
    }
  }
  return records;
}

/** Candidate pairs: records whose surnames share a skeleton (blocking), never all pairs. */
function candidatePairs(records: LinkagePerson[]) {
  const blocks = new Map<string, number[]>();
  records.forEach((rec, i) => {
    const key = parseName(rec.name).surname?.skeleton ?? '';
    blocks.set(key, [...(blocks.get(key) ?? []), i]);
  });
  const pairs: [number, number][] = [];
  for (const ids of blocks.values()) for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) pairs.push([ids[i]!, ids[j]!]);
  return pairs;
}

describe('Fellegi–Sunter weights fitted by EM', () => {
  const records = labelledSet(20261205, 300);
  const prepared = records.map(prepare);
  const pairs = candidatePairs(records);
  const vectors = pairs.map(([i, j]) => compare(prepared[i]!, prepared[j]!));
  const model = fitFellegiSunter(vectors, LEVELS);

  it('learns that agreement is likelier among the same person, for every field', () => {
    FIELDS.forEach((field, f) => {
      const top = LEVELS[f]! - 1;
      assert.ok(model.m[f]![top]! > model.u[f]![top]!, `${field}: m ${model.m[f]![top]} ≤ u ${model.u[f]![top]}`);
      // Pairs are blocked on the surname's skeleton, so a surname never disagrees outright here.
      if (field !== 'surname') assert.ok(model.m[f]![0]! < model.u[f]![0]!, `${field}: disagreement should weigh against`);
    });
  });

  it('separates the same person from namesakes: pairwise precision and recall at p ≥ 0.5', (t) => {
    let [tp, fp, fn] = [0, 0, 0];
    pairs.forEach(([i, j], k) => {
      const same = records[i]!.truth === records[j]!.truth;
      const linked = matchProbability(model, vectors[k]!) >= 0.5;
      if (linked && same) tp++;
      else if (linked) fp++;
      else if (same) fn++;
    });
    const precision = tp / (tp + fp);
    const recall = tp / (tp + fn);
    const f1 = (2 * precision * recall) / (precision + recall);
    t.diagnostic(`${records.length} records, ${pairs.length} candidate pairs: precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}, F1 ${f1.toFixed(3)}; EM ${model.iterations} iterations, λ ${model.lambda.toFixed(3)}`);
    // A floor for this first engine, not the issue's target (F1 ≥ 0.90 on a set not tuned on): with
    // 8 surnames and 10 given names for 300 people, and a third of years and places missing, many
    // namesakes cannot be told apart from what is written.
    assert.ok(f1 >= 0.85, `precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}, F1 ${f1.toFixed(3)} over ${pairs.length} candidate pairs`);
  });

  it('explains a suggestion field by field', () => {
    const a = prepare({ id: 'a', name: 'Məmmədov Elvin Rəşad oğlu', birthYear: 1990, place: 'Binagadi', eventDate: '2026-11-03' });
    const b = prepare({ id: 'b', name: 'Мамедов Эльвин Рашадович', birthYear: 1991, place: 'Nasimi', eventDate: null });
    const vector = compare(a, b);
    const said = Object.fromEntries(explain(vector, fieldWeights(model, vector)).map((e) => [e.field, e.verdict]));
    assert.deepEqual(said, { surname: 'agrees', given: 'agrees', patronymic: 'agrees', birthYear: 'close', place: 'disagrees', eventDate: 'unknown' });
  });

  it('counts missing fields as neither for nor against', () => {
    const vector = [2, null, null, null, null, null];
    assert.equal(fieldWeights(model, vector).slice(1).every((w) => w === 0), true);
  });
});
