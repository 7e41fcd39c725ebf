// Entry point of the compiled server (`npm start` runs dist/server/server/cli/run.js).
import { cli } from './main.ts';

await cli(process.argv.slice(2));
