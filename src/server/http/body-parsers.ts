// Only the two body types we read: JSON and urlencoded forms. Any other (text/plain too) is
// refused with 415, never handed to a route.
import type { FastifyInstance } from 'fastify';
import { parseFormBody } from './form-body.ts';

export function readOnlyJsonAndForms(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, app.getDefaultJsonParser('error', 'error'));
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'buffer' }, (_req, body, done) => {
    try {
      done(null, parseFormBody(body as Buffer));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
}
