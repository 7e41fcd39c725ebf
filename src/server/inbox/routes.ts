// The inbox hands out sealed envelopes, newest first, with the plain triage facts (state,
// assignee, tags) the server may know; everything a person wrote is opened in the browser.
import type { FastifyPluginAsync } from 'fastify';
import { inboxListRoutes } from './list-routes.ts';
import { triageRoutes } from './triage-routes.ts';
import { conversationRoutes } from './conversation-routes.ts';
import { answerRoutes } from './answers.ts';

export const inboxRoutes: FastifyPluginAsync = async (app) => {
  await app.register(inboxListRoutes);
  await app.register(triageRoutes);
  await app.register(conversationRoutes);
  await app.register(answerRoutes);
};
