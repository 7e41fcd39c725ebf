import type { ErrorCode } from '../../core/i18n/index.ts';
import { fromBase64Url } from '../../core/crypto/bytes.ts';
import type { FieldError } from '../../core/report/form.ts';

/** An error the user caused; it carries a message code, never the input that caused it. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    readonly fields: FieldError[] = [],
  ) {
    super(code);
    this.name = 'HttpError';
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string): boolean => UUID.test(value);

/** An id from the path: a UUID or a clean 404 before it reaches a query. */
export function uuidParam(value: string): string {
  if (!UUID.test(value)) throw new HttpError(404, 'not-found');
  return value;
}

/** The request part as the schema describes it, or a 400 "the request could not be understood". */
export function parse<T>(schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } }, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new HttpError(400, 'bad-request');
  return parsed.data;
}

/** Bytes sent as base64url (of `length` bytes, if given), or a 400. */
export function base64Param(text: string, length?: number): Uint8Array {
  const decoded = fromBase64Url(text);
  if (!decoded || (length !== undefined && decoded.length !== length)) throw new HttpError(400, 'bad-request');
  return decoded;
}
