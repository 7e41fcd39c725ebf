// Second factors: the login's second step and a member's enrolment, as the workspace sends them
// and the server checks them.
import * as z from 'zod';

/** A login challenge's token, from the passphrase step. */
const challengeToken = z.string().min(20).max(100);

/** The second step of a login with a code: an authenticator's or a recovery code. */
export const secondFactorRequest = z.object({
  token: challengeToken,
  code: z.string().max(10).optional(),
  recoveryCode: z.string().max(40).optional(),
});
export const passkeyOptionsRequest = z.object({ token: challengeToken });
/** The authenticator's answer is checked by @simplewebauthn, not here. */
export const passkeyLoginRequest = z.object({ token: challengeToken, response: z.record(z.string(), z.unknown()) });

export const totpConfirmRequest = z.object({ id: z.uuid(), code: z.string().regex(/^\d{6}$/) });
export const passkeyEnrolRequest = z.object({
  name: z.string().trim().min(1).max(60).regex(/^[^\u0000]*$/),
  response: z.record(z.string(), z.unknown()),
});

/** The administrators' setting that makes a second factor required of everyone. */
export const secondFactorSetting = z.object({ requireSecondFactor: z.boolean() });
