// What the workspace asks the server for an estimate (issue 12), and what it gets: the capture
// histories of the people documented in a period and stratum, by the channels chosen as lists.
// Plain ids only; the estimate itself is computed in the browser (select.ts).
import * as z from 'zod';
import { isDay } from '../records/custody.ts';
import { MAX_LISTS, MIN_LISTS } from './histories.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const day = z.string().refine(isDay);

/** The filter besides the channels: the period (act dates, as the dashboard's) and the stratum. */
export const historiesFilter = z
  .object({
    channels: z.string().max(MAX_LISTS * 40),
    from: day.optional(),
    to: day.optional(),
    // Ids are stored in lower case; an id typed in capitals must find the same record.
    incident: z.string().regex(UUID).transform((id) => id.toLowerCase()).optional(),
    place: z.string().regex(UUID).transform((id) => id.toLowerCase()).optional(),
    actType: z.string().regex(/^\d{12}$/).optional(),
    /** The language of error messages, read by the error handler; any value is ignored here. */
    lang: z.string().optional(),
  })
  .strict()
  .refine((f) => !f.from || !f.to || f.from <= f.to);
export type HistoriesFilter = z.infer<typeof historiesFilter>;

/** "a,b,c" → the channel ids in order; null unless 2 to 8 distinct ids. */
export function channelList(text: string): string[] | null {
  const ids = text.split(',').map((id) => id.trim().toLowerCase());
  const distinct = new Set(ids).size === ids.length;
  const fits = ids.length >= MIN_LISTS && ids.length <= MAX_LISTS;
  return distinct && fits && ids.every((id) => UUID.test(id)) ? ids : null;
}

export interface HistoriesView {
  /** The channel ids as asked, in order: list i of the histories is channels[i]. */
  channels: string[];
  /** counts[pattern], 2^k long, counts[0] = 0; bit i set when channels[i] saw the person. */
  counts: number[];
  /** Individuals with an act in the period and stratum. */
  documented: number;
  /** Of them, those none of the chosen channels saw (left out of the histories). */
  onNoList: number;
  /** Groups with an act in the period and stratum: their members' histories are unknown, so they are not counted. */
  groups: number;
  /**
   * Sources in the chosen channels about a whole incident of those individuals: not counted, as such
   * a source does not say which of the incident's people it saw (the page says so, and how to fix it).
   */
  incidentSources: number;
}
