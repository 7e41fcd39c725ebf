import { ConfigError, atMost, integer } from './read.ts';

/** How members are told of new work (VIGIL_NOTICE_EVERY_MIN, VIGIL_NOTICE_DEADLINE_HOUR). */
export interface Notices {
  /** At most one message per member in this many ms (VIGIL_NOTICE_EVERY_MIN, minutes, default 10; decimals allowed). */
  everyMs: number;
  /** The hour (0–23, the organization's time zone) of the daily look for deadlines due tomorrow (default 8). */
  deadlineHour: number;
}

export function noticesFromEnv(env: NodeJS.ProcessEnv): Notices {
  const every = env.VIGIL_NOTICE_EVERY_MIN?.trim() || '10';
  const minutes = Number(every);
  // Decimals allowed (a test's window of a few seconds); a message a second at most.
  if (!/^\d+(\.\d+)?$/.test(every) || minutes * 60_000 < 1000) throw new ConfigError(`VIGIL_NOTICE_EVERY_MIN must be a number of minutes (at least 1 second's worth), got "${every}"`);
  return { everyMs: Math.round(minutes * 60_000), deadlineHour: atMost('VIGIL_NOTICE_DEADLINE_HOUR', integer('VIGIL_NOTICE_DEADLINE_HOUR', env.VIGIL_NOTICE_DEADLINE_HOUR, 8), 23) };
}
