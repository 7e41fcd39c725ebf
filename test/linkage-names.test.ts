// Issue 11, first step: one person's Azerbaijani, Russian and English spellings meet in one form
// (the examples are the reference's "how names cross scripts"), and different names stay apart.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { nameForm, parseName } from '../src/core/linkage/names.ts';

const SAME: string[][] = [
  ['Həsənov', 'Гасанов', 'Hasanov'],
  ['Məmmədov', 'Мамедов', 'Mammadov', 'Mamedov'],
  ['Hüseynov', 'Гусейнов', 'Huseynov'],
  ['Hacıyev', 'Гаджиев', 'Hajiyev'],
  ['Cəfərov', 'Джафаров', 'Jafarov'],
  ['Cavid', 'Джавид', 'Javid'],
  ['Quliyev', 'Кулиев', 'Guliyev'],
  ['Qasımov', 'Гасымов', 'Gasimov'],
  ['Əliyeva', 'Алиева', 'Aliyeva', 'Əliyev', 'Алиев'],
  ['Xəlilov', 'Халилов', 'Khalilov'],
  ['Şükürov', 'Шукюров', 'Shukurov'],
  ['Ağayev', 'Агаев', 'Agayev'],
  ['Çingiz', 'Чингиз', 'Chingiz'],
  ['Rəşad', 'Рашад', 'Rashad'],
];

describe('name forms across scripts', () => {
  for (const spellings of SAME) {
    it(`${spellings.join(' = ')}`, () => {
      const forms = spellings.map((s) => nameForm(s).phonetic);
      assert.deepEqual(new Set(forms).size, 1, forms.join(' '));
    });
  }

  it('Qasımov and Касумов (ı written у) differ in spelling but share a skeleton, for finding candidates', () => {
    assert.notEqual(nameForm('Qasımov').phonetic, nameForm('Касумов').phonetic);
    assert.equal(nameForm('Qasımov').skeleton, nameForm('Касумов').skeleton);
  });

  it('keeps different names apart', () => {
    for (const [a, b] of [['Hasanov', 'Husanov'], ['Mamedov', 'Mahmudov'], ['Aliyev', 'Valiyev'], ['Elvin', 'Elnur'], ['Leyla', 'Lala']]) {
      assert.notEqual(nameForm(a!).phonetic, nameForm(b!).phonetic, `${a} / ${b}`);
    }
  });
});

describe('parsing a name as typed', () => {
  it('reads the official Azerbaijani and Russian orders alike: surname, given name, father’s name', () => {
    const az = parseName('Məmmədov Elvin Rəşad oğlu');
    const ru = parseName('Мамедов Эльвин Рашадович');
    for (const p of [az, ru]) {
      assert.equal(p.surname?.phonetic, nameForm('Mamedov').phonetic);
      assert.deepEqual(p.given.map((g) => g.phonetic), [nameForm('Elvin').phonetic]);
      assert.equal(p.patronymic?.phonetic, nameForm('Rashad').phonetic);
    }
  });

  it('finds the surname in either order, and a woman’s surname and patronymic', () => {
    assert.equal(parseName('Elvin Hasanov').surname?.phonetic, parseName('Гасанов Эльвин').surname?.phonetic);
    const leyla = parseName('Əliyeva Leyla Vüqar qızı');
    assert.equal(leyla.surname?.phonetic, nameForm('Алиев').phonetic);
    assert.equal(leyla.patronymic?.latin, 'vugar');
    assert.deepEqual(leyla.given.map((g) => g.latin), ['leyla']);
  });

  it('keeps initials apart from names', () => {
    const p = parseName('E. Hasanov');
    assert.deepEqual(p.initials, ['e']);
    assert.equal(p.surname?.latin, 'hasanov');
    assert.deepEqual(p.given, []);
  });

  it('gives nothing for nothing', () => {
    assert.deepEqual(parseName('  , '), { surname: null, given: [], patronymic: null, initials: [] });
  });
});
