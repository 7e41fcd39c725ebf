// The linkage engine in a browser Web Worker, as the workspace runs it (bench/linkage.ts bundles
// this file with esbuild): people in, clusters out, and the engine's own time.
import { linkPeople } from '../src/core/linkage/link.ts';
import type { LinkagePerson } from '../src/core/linkage/compare.ts';

const scope = globalThis as unknown as { onmessage: (event: MessageEvent<LinkagePerson[]>) => void; postMessage: (message: unknown) => void };

scope.onmessage = (event) => {
  const started = performance.now();
  const linkage = linkPeople(event.data);
  scope.postMessage({ clusterOf: linkage.clusterOf, pairsCompared: linkage.pairsCompared, engineMs: performance.now() - started });
};
