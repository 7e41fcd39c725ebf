// Polls `what` until `ok` holds or `ms` pass; returns the last value (the caller asserts on it).
export async function until<T>(what: () => Promise<T>, ok: (v: T) => boolean, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await what();
    if (ok(v) || Date.now() > deadline) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Whether `check` comes true within `ms` (polled): for deadlines an issue sets, not speed measurements. */
export const soon = (ms: number, check: () => Promise<boolean>): Promise<boolean> => until(check, (ok) => ok, ms);
