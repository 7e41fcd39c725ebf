#!/usr/bin/env node
// `npx vigil …` runs the TypeScript sources through tsx, so it is always current without a build.
// `npm start` runs the compiled JavaScript instead (see package.json).
import { register } from 'tsx/esm/api';

register();
await import('../src/server/cli/run.ts');
