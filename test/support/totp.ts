// A code from an authenticator app that the server has not taken yet: each code is accepted once,
// and enrolling uses one, so a login straight after enrolling types the next period's code (the
// server accepts one period either side, as an app's clock may run ahead).
import { Secret, TOTP } from 'otpauth';

export function nextCode(secretBase32: string): string {
  const totp = new TOTP({ secret: Secret.fromBase32(secretBase32) });
  return totp.generate({ timestamp: Date.now() + totp.period * 1000 });
}
