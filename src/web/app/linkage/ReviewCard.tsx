// One card of the review list: the people who may be one (a pair, or a group linked pair by pair)
// side by side, then a decision for each pair.
import { pairKey } from '../../../core/linkage/decisions.ts';
import { Table } from '../ui/Table.tsx';
import { useFormats, useLanguage, useWords } from '../i18n/context.tsx';
import { linkageWords } from './words.ts';
import type { ReviewItem } from './review.ts';
import { percent } from './reasons.ts';
import { PairDecision, type Decisions } from './PairDecision.tsx';

export function ReviewCard({ item, ...decisions }: Decisions & { item: ReviewItem }) {
  const { run, place } = decisions;
  const t = useWords(linkageWords);
  const f = useFormats();
  const { language } = useLanguage();
  const people = item.ids.map((id) => run.byId.get(id)!);
  const likely = percent(item.probability, language);
  const heading = people.length === 2 ? t('pairHeading', { percent: likely }) : t('groupHeading', { count: people.length, percent: likely });
  return (
    <li class="card" data-review={people.map((p) => p.code).join(' ')}>
      <Table
        caption={heading}
        captionShown
        rows={people}
        rowKey={(p) => p.id}
        columns={[
          { head: t('record'), rowHeader: true, cell: (p) => <a href={`#person/${p.id}`}>{p.code}</a> },
          { head: t('name'), cell: (p) => p.name },
          { head: t('otherNames'), cell: (p) => p.otherNames?.join('; ') },
          { head: t('birthYear'), cell: (p) => p.birthYear ?? '' },
          { head: t('place'), cell: (p) => (p.placeId ? place(p.placeId) : '') },
          { head: t('date'), cell: (p) => (p.eventDate ? f.day(p.eventDate) : '') },
        ]}
      />
      {item.pairs.map((pair) => (
        <PairDecision key={pairKey(pair.a, pair.b)} pair={pair} {...decisions} />
      ))}
    </li>
  );
}
