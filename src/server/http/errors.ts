import type { ErrorCode } from '../../core/i18n/index.ts';
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
