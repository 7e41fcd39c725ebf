// Response headers every page and API answer carries. CSP is set per kind of response: public
// pages allow only our one script and their inline style (by hash); the workspace only its own
// files; JSON nothing at all. 'wasm-unsafe-eval' lets hash-wasm run Argon2id/scrypt; it does not
// allow eval of JavaScript.
import { PUBLIC_CSS_HASH } from '../pages/style.ts';

const common = "base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

export const CSP = {
  public: `default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src ${PUBLIC_CSS_HASH}; img-src 'self'; connect-src 'self'; ${common}`,
  workspace: `default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; worker-src 'self'; manifest-src 'self'; ${common}`,
  api: `default-src 'none'; ${common}`,
} as const;
