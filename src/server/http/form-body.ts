// application/x-www-form-urlencoded, parsed strictly: malformed UTF-8 or percent-escapes are a
// 400, not silently replaced with U+FFFD (which would seal a corrupted report). Repeated names
// (checkboxes) keep every value.
import { fromUtf8 } from '../../core/crypto/bytes.ts';
import { HttpError } from './errors.ts';

export type FormBody = Map<string, string[]>;

export function parseFormBody(body: Buffer): FormBody {
  let text: string;
  try {
    text = fromUtf8(body);
  } catch {
    throw new HttpError(400, 'bad-encoding');
  }
  const fields: FormBody = new Map();
  if (text === '') return fields;
  for (const pair of text.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const [rawName, rawValue] = eq < 0 ? [pair, ''] : [pair.slice(0, eq), pair.slice(eq + 1)];
    let name: string;
    let value: string;
    try {
      name = decodeURIComponent(rawName.replace(/\+/g, ' '));
      value = decodeURIComponent(rawValue.replace(/\+/g, ' '));
    } catch {
      throw new HttpError(400, 'bad-encoding');
    }
    const list = fields.get(name);
    if (list) {
      if (list.length >= 32) throw new HttpError(400, 'bad-request');
      list.push(value);
    } else {
      if (fields.size >= 64) throw new HttpError(400, 'bad-request');
      fields.set(name, [value]);
    }
  }
  return fields;
}

/** The body of a form route; anything but a parsed form (e.g. JSON) is refused. */
export function formBodyOf(body: unknown): FormBody {
  if (body instanceof Map) return body as FormBody;
  throw new HttpError(415, 'bad-content-type');
}
