// Proofs of work for the public forms' requests: solved in slices so the page stays responsive,
// given up on a device that would take too long (the request then counts against the limit).
import { PROOF_HEADER, solveSome, type PowFamily } from '../../core/pow/proof.ts';

/** Longest a proof may take on average on this device before the script sends without one. */
const SOLVE_BUDGET_MS = 30_000;

/** Hands the page back between slices of work; unlike a timer, not slowed in a background tab. */
function yieldToPage(): Promise<void> {
  const channel = new MessageChannel();
  return new Promise((resolve) => {
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

/**
 * A proof of work for one request, solved in slices of ~40 ms so the page stays responsive; null
 * if there is none to be had (proofs off, network trouble) or this device would take too long
 * (JavaScript without its JIT, as in Tor Browser's "Safer" level, is ~70 times slower). Then the
 * request goes without one and counts against the shared per-client limit, as with JavaScript off.
 */
export async function proofFor(family: PowFamily): Promise<string | null> {
  try {
    const response = await fetch(`/api/pow?for=${family}`, { credentials: 'omit', referrerPolicy: 'no-referrer', cache: 'no-store' });
    const { challenge, bits } = (await response.json()) as { challenge?: unknown; bits?: unknown };
    if (!response.ok || typeof challenge !== 'string' || typeof bits !== 'number') return null;
    const started = performance.now();
    for (let from = 0; ; await yieldToPage()) {
      for (const slice = performance.now() + 40; performance.now() < slice; from += 256) {
        const proof = solveSome(challenge, bits, from, 256);
        if (proof) return proof;
      }
      // Two seconds in, the pace so far says how long the whole takes on average.
      const spent = performance.now() - started;
      if (spent > 2000 && (spent / from) * 2 ** bits > SOLVE_BUDGET_MS) return null;
      if (spent > 2 * SOLVE_BUDGET_MS) return null;
    }
  } catch {
    // No proof: the request is sent without one.
  }
  return null;
}

/**
 * POSTs with a proof of work in the header. A refused proof (the difficulty rose while it was
 * solved) is solved once more; if that is refused too, the request goes without a proof.
 */
export async function sendProven(family: PowFamily, url: string, init: RequestInit & { headers: Record<string, string> }, first = proofFor(family)): Promise<Response> {
  const send = (proof: string | null) =>
    fetch(url, { ...init, method: 'POST', headers: { ...init.headers, ...(proof ? { [PROOF_HEADER]: proof } : {}) }, credentials: 'omit', referrerPolicy: 'no-referrer', cache: 'no-store' });
  const refused = async (response: Response) =>
    response.status === 400 && ((await response.clone().json().catch(() => null)) as { error?: { code?: string } } | null)?.error?.code === 'proof-refused';
  let response = await send(await first);
  if (await refused(response)) response = await send(await proofFor(family));
  if (await refused(response)) response = await send(null);
  return response;
}

