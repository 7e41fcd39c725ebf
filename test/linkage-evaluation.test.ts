// Issue 11, "how we will know": pairwise precision, recall and F1 of the whole engine (blocking,
// EM, term frequencies, clustering) on labelled sets the engine was NOT tuned on. While the engine
// was written, only seed 1 (and sizes 20–30,000 people) was looked at; the seeds below were run
// for the first time when the engine was finished (docs/linkage-evaluation.md).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { linkPeople } from '../src/core/linkage/link.ts';
import { labelledPeople, pairwiseScores, perfectNameClusters } from './support/linkage-people.ts';

// The target, F1 ≥ 0.90, is met on a crackdown's list. On 5,000 people drawn from the
// same names, namesakes are so many that a perfect name matcher scores far lower; there the floor
// guards against a regression below what was measured the first time (0.871; 0.872 since
// oversized blocks are split by day too), and the engine must stay well above a perfect name matcher.
const EVALUATION = [
  { name: 'a crackdown’s list', seed: 20261205, people: 1_500, floor: 0.9 },
  { name: 'a year of lists', seed: 20261206, people: 5_000, floor: 0.85 },
];

describe('linkage on labelled sets it was not tuned on', () => {
  for (const set of EVALUATION) {
    it(`${set.name}: ${set.people} people, pairwise F1 ≥ ${set.floor}, above a perfect name matcher`, (t) => {
      const records = labelledPeople(set);
      const linkage = linkPeople(records);
      const scores = pairwiseScores(records, linkage.clusterOf);
      const ceiling = pairwiseScores(records, perfectNameClusters(records));
      t.diagnostic(
        `${records.length} records, ${scores.truePairs} true pairs, ${linkage.pairsCompared} compared: precision ${scores.precision.toFixed(3)}, recall ${scores.recall.toFixed(3)}, F1 ${scores.f1.toFixed(3)} (a perfect name matcher: F1 ${ceiling.f1.toFixed(3)})`,
      );
      assert.ok(scores.f1 >= set.floor, `F1 ${scores.f1.toFixed(3)} (precision ${scores.precision.toFixed(3)}, recall ${scores.recall.toFixed(3)})`);
      assert.ok(scores.f1 > ceiling.f1 + 0.05, `F1 ${scores.f1.toFixed(3)}, a perfect name matcher ${ceiling.f1.toFixed(3)}`);
    });
  }
});
