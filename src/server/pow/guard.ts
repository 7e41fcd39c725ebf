// One server's proof-of-work state: challenges it issues, the difficulty it asks for now, and the
// proofs already spent (on PostgreSQL in the database, so spent once across servers: pow/spent.ts).
// Shared by the plugins whose limits a proof lifts (intake, status, evidence) through
// proofOfWork(app.vigil), so there is one per server, not one per plugin.
import type { FastifyRequest } from 'fastify';
import type { VigilContext } from '../context.ts';
import { HttpError } from '../http/errors.ts';
import type { FormBody } from '../http/form-body.ts';
import { randomBytes, toBase64Url } from '../../core/crypto/bytes.ts';
import { PROOF_FIELD, PROOF_HEADER, checkProof, issueChallenge, type PowFamily } from '../../core/pow/proof.ts';
import { DEFAULT_RULE, LastMinuteCount, requiredBits } from '../../core/pow/difficulty.ts';
import type { SpentProofs } from '../../core/pow/spent.ts';
import { spentProofsFor } from './spent.ts';

export interface ProofOfWork {
  /** False when VIGIL_POW_BITS=0: no challenges, every request counted. */
  enabled: boolean;
  challenge(family: PowFamily): { challenge: string; bits: number };
  /** The bits a proof for `family` must have now. */
  bits(family: PowFamily): number;
  /**
   * A perMinute allowList: a request with a valid, fresh, unused proof in the header is not counted;
   * one with a proof that does not hold is refused (400), so the script knows to solve again.
   */
  exemptByHeader(family: PowFamily): (request: FastifyRequest) => Promise<boolean>;
  /** The same for a form field; a stale proof there (a resubmitted page) just counts as none. */
  exemptByField(family: PowFamily): (request: FastifyRequest) => Promise<boolean>;
}

const perServer = new WeakMap<VigilContext, ProofOfWork>();

export function proofOfWork(vigil: VigilContext, spent: SpentProofs = spentProofsFor(vigil.storage)): ProofOfWork {
  let pow = perServer.get(vigil);
  if (!pow) perServer.set(vigil, (pow = createProofOfWork(vigil, spent)));
  return pow;
}

function createProofOfWork(vigil: VigilContext, spent: SpentProofs): ProofOfWork {
  const rule = { ...DEFAULT_RULE, base: vigil.config.powBits };
  const enabled = rule.base > 0;
  const recent = { report: new LastMinuteCount(), evidence: new LastMinuteCount(), status: new LastMinuteCount() };
  const mac = (text: string) => vigil.secret.keyedHash('pow', text);
  const bits = (family: PowFamily) => requiredBits(rule, recent[family].total(Date.now()));

  /** 'spent' for a good proof (now used up); 'refused' for a bad or replayed one; 'no-room' if none can be remembered. */
  async function spend(family: PowFamily, proof: unknown): Promise<'spent' | 'refused' | 'no-room'> {
    const now = Math.floor(Date.now() / 1000);
    const check = checkProof(proof, { family, minBits: bits(family), now, mac });
    if (!check.ok) return 'refused';
    const spending = await spent.spend(check.id, check.expiresAt, now);
    if (spending !== 'fresh') return spending === 'full' ? 'no-room' : 'refused';
    recent[family].add(Date.now());
    return 'spent';
  }

  return {
    enabled,
    bits,
    challenge(family) {
      const challenge = issueChallenge({ family, bits: bits(family), issuedAt: Math.floor(Date.now() / 1000), id: toBase64Url(randomBytes(16)) }, mac);
      return { challenge, bits: bits(family) };
    },
    exemptByHeader: (family) => async (request) => {
      const proof = request.headers[PROOF_HEADER];
      if (proof === undefined || !enabled) return false;
      const outcome = await spend(family, proof);
      if (outcome === 'refused') throw new HttpError(400, 'proof-refused');
      return outcome === 'spent';
    },
    exemptByField: (family) => async (request) => {
      const proof = request.body instanceof Map ? (request.body as FormBody).get(PROOF_FIELD)?.[0] : undefined;
      if (proof === undefined || !enabled) return false;
      return (await spend(family, proof)) === 'spent';
    },
  };
}
