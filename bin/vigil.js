#!/usr/bin/env node
// Runs Vigil's TypeScript directly (tsx), so `npx vigil …` needs no separate compile step.
import { register } from 'tsx/esm/api';

register();
const { cli } = await import('../src/server/cli/main.ts');
await cli(process.argv.slice(2));
