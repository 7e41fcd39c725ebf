// A person's timeline, from their acts and detentions: detained → transferred → sentenced →
// released, in date order. Pure, so it is tested without a browser.

export interface TimelineAct {
  id: string;
  code: string;
  typeCode: string;
  dateStart: string | null;
}
export interface TimelineDetention {
  custodyStart: string | null;
  decision: string;
  decisionDate: string | null;
  detentionDays: number | null;
  fineAmount: number | null;
  expectedRelease: string | null;
  releasedOn: string | null;
  status: string;
}
export interface TimelineEvent {
  day: string | null;
  what: 'act' | 'custody' | 'transfer' | 'decision' | 'expected-release' | 'released';
  text: string;
  actCode: string;
}

export function timelineOf(
  acts: TimelineAct[],
  detentions: Map<string, TimelineDetention>,
  transfers: Map<string, { toPlaceId: string; onDay: string; atTime?: string | null }[]>,
  placeName: (id: string) => string,
  typeName: (code: string) => string,
): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  for (const act of acts) {
    const type = typeName(act.typeCode);
    const d = detentions.get(act.id);
    if (!d) {
      events.push({ day: act.dateStart, what: 'act', text: type, actCode: act.code });
      continue;
    }
    events.push({ day: d.custodyStart ?? act.dateStart, what: 'custody', text: `${type}: taken into custody`, actCode: act.code });
    for (const t of transfers.get(act.id) ?? []) events.push({ day: t.onDay, what: 'transfer', text: `Transferred to ${placeName(t.toPlaceId)}${t.atTime ? ` at ${t.atTime}` : ''}`, actCode: act.code });
    if (d.decision === 'detention') events.push({ day: d.decisionDate, what: 'decision', text: `Sentenced to ${d.detentionDays} days`, actCode: act.code });
    else if (d.decision === 'fine') events.push({ day: d.decisionDate, what: 'decision', text: `Fined${d.fineAmount !== null ? ` ${d.fineAmount}` : ''}`, actCode: act.code });
    else if (d.decision === 'released' || d.decision === 'other') events.push({ day: d.decisionDate, what: 'decision', text: d.decision === 'released' ? 'Released without penalty (decision)' : 'Other decision', actCode: act.code });
    if (d.releasedOn) events.push({ day: d.releasedOn, what: 'released', text: 'Released', actCode: act.code });
    else if (d.expectedRelease) events.push({ day: d.expectedRelease, what: 'expected-release', text: 'Expected release', actCode: act.code });
  }
  // Unknown days last; the order of the steps breaks ties on the same day.
  const step = ['act', 'custody', 'transfer', 'decision', 'released', 'expected-release'];
  return events.sort((a, b) => (a.day ?? '9999').localeCompare(b.day ?? '9999') || step.indexOf(a.what) - step.indexOf(b.what));
}
