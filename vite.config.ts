// The documenters' workspace (Preact). Served under /app; assets are content-hashed.
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  root: 'src/web/app',
  base: '/app/',
  publicDir: false,
  build: {
    outDir: '../../../dist/web/app',
    emptyOutDir: true,
    target: 'es2022',
    assetsDir: 'assets',
    // No inline <script> or data: URLs: the workspace CSP allows only its own files.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    // The PDF maker (pdf-lib + fontkit, ~1.1 MB) is one chunk loaded only when a PDF is first made.
    chunkSizeWarningLimit: 1200,
  },
  resolve: { alias: { crypto: fileURLToPath(new URL('src/web/no-node-crypto.ts', import.meta.url)) } },
  // Report decryption runs in module workers (src/web/app/decrypt), same origin, worker-src 'self'.
  worker: { format: 'es' },
  oxc: {
    jsx: { runtime: 'automatic', importSource: 'preact' },
  },
});
