// The public pages' sealing script: one small IIFE file, no chunks, no CSS.
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  publicDir: false,
  resolve: { alias: { crypto: fileURLToPath(new URL('src/web/no-node-crypto.ts', import.meta.url)) } },
  build: {
    outDir: 'dist/web/public',
    emptyOutDir: true,
    target: 'es2020',
    sourcemap: false,
    lib: {
      entry: 'src/web/seal/main.ts',
      formats: ['iife'],
      name: 'vigil',
      fileName: () => 'vigil.js',
    },
  },
});
