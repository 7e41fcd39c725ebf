// Browser builds: @hpke/common falls back to Node's "crypto" module only where WebCrypto is
// missing. Browsers have WebCrypto, so that import resolves to this empty module.
export {};
