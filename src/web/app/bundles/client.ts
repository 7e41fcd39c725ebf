// The bundle functions of src/core/bundle, wired to the workspace: reads go through the same API
// calls as every page (404 → null), the records key is the checked one (org-key.ts).
import { api, ApiError } from '../session/api.ts';
import type { ApiGet } from '../../../core/bundle/collect.ts';

export const workspaceGet: ApiGet = async (path) => {
  try {
    return await api<unknown>(path);
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return null;
    throw e;
  }
};

/** Reads a chosen file into bytes (File.arrayBuffer is in every browser Vigil supports). */
export const bytesOf = async (file: File): Promise<Uint8Array> => new Uint8Array(await file.arrayBuffer());

