// The analysis pages' words outside components: every export field has a name in the page's
// catalog (a new field cannot go unnamed), and a pair's reasons, its percentage and the dashboard's
// labels follow the language asked for.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { EXPORT_FIELDS } from '../src/core/exports/fields.ts';
import { exportFieldWords, fieldKey } from '../src/web/app/exports/field-words.ts';
import { percent, reasonsLine, reasonsOf } from '../src/web/app/linkage/reasons.ts';
import { cellLabel } from '../src/web/app/dashboard/labels.ts';
import type { Explanation, Field } from '../src/core/linkage/compare.ts';

const fields = (verdicts: Partial<Record<Field, Explanation['verdict']>>): Explanation[] =>
  (['surname', 'given', 'patronymic', 'birthYear', 'place', 'eventDate'] as const).map((field) => ({ field, verdict: verdicts[field] ?? 'unknown', weight: 1 }));

describe('the analysis pages in every language', () => {
  it('names every export field in the page\'s catalog, and no field that does not exist', () => {
    assert.deepEqual(EXPORT_FIELDS.map((f) => fieldKey(f.name)).sort(), Object.keys(exportFieldWords.en).sort());
  });

  it('explains a pair in Russian and Azerbaijani', () => {
    const side = (name: string) => ({ name, placeId: 'p1', held: true });
    const pair = { fields: fields({ surname: 'agrees', given: 'agrees', birthYear: 'agrees', place: 'agrees', eventDate: 'agrees', patronymic: 'disagrees' }) };
    const ru = reasonsOf(pair, side('Həsənov Elvin'), side('Гасанов Эльвин'), () => 'Бинагадинское РУП', 'ru');
    assert.deepEqual(ru, { alike: ['то же имя латиницей и кириллицей', 'тот же год рождения', 'место задержания: Бинагадинское РУП, в тот же день'], differ: ['другое отчество'] });
    assert.equal(reasonsLine(ru, 'ru'), 'то же имя латиницей и кириллицей, тот же год рождения, место задержания: Бинагадинское РУП, в тот же день; но другое отчество');
    const az = reasonsOf(pair, side('Гасанов Эльвин'), side('Həsənov Elvin'), () => 'Binəqədi polisi', 'az');
    assert.equal(reasonsLine(az, 'az'), 'eyni ad kiril və latın əlifbasında, eyni doğum ili, saxlanılma yeri: Binəqədi polisi, eyni gündə; lakin fərqli ata adı');
    assert.equal(percent(0.9, 'ru'), '90\u00a0%');
    assert.equal(percent(0.9, 'en'), '90%');
  });

  it('says the dashboard\'s numbers in the language, Russian plurals included', () => {
    assert.equal(cellLabel('sentence', '1', [], 'ru'), '1 сутки');
    assert.equal(cellLabel('sentence', '3', [], 'ru'), '3 суток');
    assert.equal(cellLabel('sentence', '15', [], 'en'), '15 days');
    assert.equal(cellLabel('sources', '0', [], 'az'), 'Mənbəsiz');
    assert.equal(cellLabel('status', 'held', [], 'ru'), 'Под стражей');
  });
});
