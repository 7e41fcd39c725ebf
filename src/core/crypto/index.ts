export * from './bytes.ts';
export * from './errors.ts';
export * from './keys.ts';
export * from './sealed.ts';
export * from './wrapped.ts';
export * from './passphrase.ts';
export * from './codename.ts';
export * from './status-key.ts';
