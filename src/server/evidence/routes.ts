// Evidence: attachments to reports (from reporters, also with JavaScript off) and to records (from
// documenters), with a custody log. Members' browsers strip and seal before uploading; for a
// reporter's plain form the server does it in memory and keeps only the sealed parts.
import type { FastifyPluginAsync } from 'fastify';
import { ATTACHMENT_TYPE } from '../../core/api/evidence.ts';
import { reporterEvidenceRoutes } from './reporter-routes.ts';
import { workspaceEvidenceRoutes } from './workspace-routes.ts';
import { custodyRoutes } from './custody-routes.ts';

export const evidenceRoutes: FastifyPluginAsync = async (app) => {
  // Members' and reporters' scripts send framed sealed parts, read as they arrive (the route takes
  // the stream). Only the evidence routes accept them.
  app.addContentTypeParser(ATTACHMENT_TYPE, (_request, payload, done) => done(null, payload));
  await app.register(reporterEvidenceRoutes);
  await app.register(workspaceEvidenceRoutes);
  await app.register(custodyRoutes);
};
