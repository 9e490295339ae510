import type { FastifyReply, FastifyRequest } from 'fastify';
import { MAX_PAGE_SIZE } from '@assistenza/platform/http';
import { sendProblem } from './problem-reply';

/**
 * onRequest hook: a page larger than the services will ever serve is refused at the edge, so a
 * client cannot make a service load huge pages (OWASP API4). The services check the same bound and
 * the rest of `limit`'s rules themselves.
 */
export async function capPageSize(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
  const raw = (request.query as Record<string, unknown> | undefined)?.['limit'];
  const values = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  if (!values.some((value) => Number(value) > MAX_PAGE_SIZE)) return undefined;
  const message = `limit must not be greater than ${MAX_PAGE_SIZE}`;
  return sendProblem(reply, 400, message, [{ field: 'limit', message }]);
}
