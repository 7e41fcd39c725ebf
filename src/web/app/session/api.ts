// Calls to the server. Every call is same-origin JSON with the CSRF header.
import { CSRF_HEADER } from '../../../core/api/common.ts';
import { errorText, isErrorCode } from '../../../core/i18n/error-words.ts';
import { translator } from '../../../core/i18n/message.ts';
import { commonWords } from '../i18n/common-words.ts';
import { currentLanguage } from '../i18n/language.ts';

/** The server's error code in the workspace's language (the server's own wording is English-only for the API). */
function errorWords(code: string, status: number): string {
  if (isErrorCode(code)) return errorText(currentLanguage(), code);
  return translator(commonWords, currentLanguage())(status === 0 ? 'unreachable' : 'serverAnswered', { status });
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

let onSessionEnded: (() => void) | null = null;

/** Called when the server says the session is gone (idle, ended elsewhere, "end every session"). */
export function whenSessionEnds(listener: (() => void) | null): void {
  onSessionEnded = listener;
}

export interface CallOptions {
  /** Sent as JSON (a POST). */
  json?: unknown;
  /** Sent as they are, with their content type (a POST). */
  raw?: { bytes: Uint8Array; type: string };
  accept?: string;
  signal?: AbortSignal;
}

/**
 * A same-origin call with the CSRF header: the answer when it is 2xx; otherwise an ApiError with
 * the server's message (and a 401 "login required" locks the workspace).
 */
export async function apiResponse(path: string, options: CallOptions = {}): Promise<Response> {
  // The session this call belongs to: a late answer must not lock a newer session.
  const sessionEnded = onSessionEnded;
  const { json, raw, accept, signal } = options;
  const contentType = raw ? raw.type : json !== undefined ? 'application/json' : undefined;
  let response: Response;
  try {
    response = await fetch(path, {
      method: json === undefined && !raw ? 'GET' : 'POST',
      headers: { [CSRF_HEADER]: '1', ...(contentType ? { 'content-type': contentType } : {}), ...(accept ? { accept } : {}) },
      body: raw ? (raw.bytes as BodyInit) : json === undefined ? undefined : JSON.stringify(json),
      credentials: 'same-origin',
      cache: 'no-store',
      ...(signal ? { signal } : {}),
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, 'network', errorWords('network', 0));
  }
  if (response.ok) return response;
  const data = (await response.json().catch(() => null)) as { error?: { code: string; message: string } } | null;
  const code = data?.error?.code ?? 'error';
  const error = new ApiError(response.status, code, errorWords(code, response.status));
  if (error.status === 401 && error.code === 'login-required' && sessionEnded === onSessionEnded) sessionEnded?.();
  throw error;
}

export async function api<T>(path: string, body?: unknown): Promise<T> {
  const response = await apiResponse(path, { json: body });
  if (response.status === 204) return undefined as T;
  return (await response.json().catch(() => null)) as T;
}

/** A GET answered in a binary format (`accept`), as bytes. */
export async function apiBytes(path: string, accept: string): Promise<Uint8Array> {
  const response = await apiResponse(path, { accept });
  try {
    return new Uint8Array(await response.arrayBuffer());
  } catch {
    throw new ApiError(0, 'network', errorWords('network', 0));
  }
}

/** The message to show for a failed call. */
export function messageOf(error: unknown, fallback: string): string {
  return error instanceof ApiError ? error.message : fallback;
}
