// Two days that bound a list (acts from … to …, incidents from … to …): a label and a date field
// each, ids `<id>-from` and `<id>-to`. Either may be empty: the range is then open on that side.
export function DayRange({ id, from, to, onFrom, onTo, labels }: { id: string; from: string; to: string; onFrom: (day: string) => void; onTo: (day: string) => void; labels: { from: string; to: string } }) {
  return (
    <>
      <label for={`${id}-from`}>{labels.from}</label>
      <input id={`${id}-from`} type="date" value={from} onInput={(e) => onFrom(e.currentTarget.value)} />
      <label for={`${id}-to`}>{labels.to}</label>
      <input id={`${id}-to`} type="date" value={to} onInput={(e) => onTo(e.currentTarget.value)} />
    </>
  );
}
