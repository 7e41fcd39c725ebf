// The workspace dashboard (issue 5): what the server counts from the records' plain columns, and
// how a number is asked for again as the list of records behind it (the drill-down). Shared by the
// server (which checks the query) and the workspace (which draws the answer).
//
// Counting rules, so every number means one thing:
// - The filter selects acts: of one incident (optional) and, when a date range is given, acts
//   dated to the day (date_start) within it. An act dated only to the month or year, or undated,
//   cannot be placed in a range: without a range it is counted everywhere (and on the timeline
//   under "month", "year" or "unknown"); with a range it is left out, and `leftOutByRange` says
//   how many acts of the incident filter that is.
// - Acts over time, by type, place and detention status are counts of acts (ESF's counting unit);
//   each of these tables sums to the number of acts. By perpetrator unit an act counts once under
//   each unit involved, so that table can sum to more.
// - People documented, held now, released, sentenced and fined are counts of distinct people; a
//   person's drill-down row is their latest act of that kind.
// - Sentence lengths are counted per decision (a person sentenced twice counts twice there).
import * as z from 'zod';
import { isDay, addDays } from '../records/custody.ts';
import { isoWeek } from '../transparency/counts.ts';

export { isoWeek };

export const BUCKETS = ['day', 'week'] as const;
export type Bucket = (typeof BUCKETS)[number];

const day = z.string().refine(isDay);

/** The filters of the dashboard and of every drill-down. `lang` picks the language of errors. */
const filterFields = {
  from: day.optional(),
  to: day.optional(),
  incident: z.uuid().optional(),
  bucket: z.enum(BUCKETS).default('day'),
  lang: z.string().max(5).optional(),
};
const inOrder = (f: { from?: string; to?: string }) => !f.from || !f.to || f.from <= f.to;

export const dashboardFilter = z.object(filterFields).strict().refine(inOrder);
export type DashboardFilter = z.infer<typeof dashboardFilter>;

/** What a drill-down can be by; each is one of the dashboard's numbers or one cell of its tables. */
export const DRILL_BY = ['all', 'period', 'type', 'place', 'unit', 'status', 'people', 'held', 'released', 'sentenced', 'fined', 'sentence', 'sources', 'incident-sources'] as const;
export type DrillBy = (typeof DRILL_BY)[number];

/** Keys for what has no value: an act without place, unit or detention. */
export const NONE = 'none';
/** Timeline keys of acts not dated to the day. */
export const IMPRECISE = ['month', 'year', 'unknown'] as const;
/** Source-count groups. */
export const SOURCE_GROUPS = ['0', '1', '2', '3+'] as const;

const uuid = z.uuid();
const week = /^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/;
const VALUES: Record<DrillBy, z.ZodType<string | undefined>> = {
  all: z.undefined(),
  people: z.undefined(),
  held: z.undefined(),
  released: z.undefined(),
  sentenced: z.undefined(),
  fined: z.undefined(),
  period: z.string().refine((v) => isDay(v) || (week.test(v) && isoWeekStart(v) !== null) || (IMPRECISE as readonly string[]).includes(v)),
  type: z.string().regex(/^\d{12}$/),
  place: z.union([uuid, z.literal(NONE)]),
  unit: z.union([uuid, z.literal(NONE)]),
  status: z.enum(['held', 'transferred', 'unknown', 'released', NONE]),
  sentence: z.string().regex(/^[1-9]\d{0,3}$/),
  sources: z.enum(SOURCE_GROUPS),
  'incident-sources': z.enum(SOURCE_GROUPS),
};

/** One number of the dashboard (or one cell of its tables) as its list of records, page by page. */
export const drillQuery = z
  .object({
    ...filterFields,
    by: z.enum(DRILL_BY),
    value: z.string().max(40).optional(),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
  })
  .strict()
  .refine(inOrder)
  .refine((f) => VALUES[f.by].safeParse(f.value).success);
export type DrillQuery = z.infer<typeof drillQuery>;

export const DRILL_PAGE = 100;

export interface Cell {
  /** A code, a registry id, a day or week, or NONE. */
  key: string;
  count: number;
}

export interface Dashboard {
  v: 1;
  filter: { from: string | null; to: string | null; incident: string | null; incidentCode: string | null; bucket: Bucket };
  /** Acts in the filter; each of timeline, type, place, status sums to it. */
  acts: number;
  /** Acts of the incident filter left out because a date range is set and they are not dated to the day. */
  leftOutByRange: number;
  timeline: {
    bucket: Bucket;
    /** Days or ISO weeks (2026-W45) from the first to the last, with zeros between. */
    points: Cell[];
    /** Acts without a day: keyed 'month', 'year', 'unknown'. */
    imprecise: Cell[];
  };
  byType: Cell[];
  byPlace: Cell[];
  byUnit: Cell[];
  byStatus: Cell[];
  people: { documented: number; held: number; released: number; sentenced: number; fined: number };
  sentences: { decisions: number; minDays: number | null; medianDays: number | null; maxDays: number | null; byLength: Cell[] };
  sources: { acts: Cell[]; incidents: Cell[] };
}

export interface DrillRow {
  actId: string;
  actCode: string;
  typeCode: string;
  dateStart: string | null;
  datePrecision: string;
  dateEnd: string | null;
  placeId: string | null;
  incidentId: string;
  incidentCode: string;
  personId: string;
  personCode: string;
  /** The detention's status, or null for an act without one. */
  detentionStatus: string | null;
}

export interface DrillDown {
  v: 1;
  by: DrillBy;
  value: string | null;
  /** The number the dashboard shows for this: equal to the rows over all pages. */
  total: number;
  page: number;
  pageSize: number;
  rows: DrillRow[];
}

/** The Monday of an ISO week, or null for a week the year does not have (W53 in most years). */
export function isoWeekStart(value: string): string | null {
  const match = /^(\d{4})-W(\d{2})$/.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  // 4 January is always in week 1; its Monday starts week 1.
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const week1 = addDays(`${match[1]}-01-04`, -((jan4.getUTCDay() + 6) % 7));
  const monday = addDays(week1, (Number(match[2]) - 1) * 7);
  return isoWeek(monday) === value ? monday : null;
}

/** The periods from `first` to `last` (inclusive), one per day or ISO week; at most `limit`. */
export function periodsBetween(first: string, last: string, bucket: Bucket, limit = 1000): string[] | null {
  const out: string[] = [];
  let at = bucket === 'week' ? isoWeekStart(isoWeek(first))! : first;
  while (at <= last) {
    out.push(bucket === 'week' ? isoWeek(at) : at);
    if (out.length > limit) return null;
    at = addDays(at, bucket === 'week' ? 7 : 1);
  }
  return out;
}

/** The group a number of sources falls in. */
export const sourceGroup = (n: number): (typeof SOURCE_GROUPS)[number] => (n >= 3 ? '3+' : (String(n) as '0' | '1' | '2'));
