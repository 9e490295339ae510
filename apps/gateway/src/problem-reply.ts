import { HttpException } from '@nestjs/common';
import type { FastifyReply, RawServerBase, RouteGenericInterface } from 'fastify';
import { PROBLEM_CONTENT_TYPE } from '@assistenza/contracts';
import { toProblem } from '@assistenza/platform/http';

/**
 * Answers with RFC 9457 problem+json from plain Fastify code (the proxy routes are not Nest
 * handlers, so the Nest exception filter never sees their errors). Same shape as the services'.
 */
export function sendProblem(reply: FastifyReply<RouteGenericInterface, RawServerBase>, status: number, detail: string): void {
  const problem = toProblem(new HttpException(detail, status));
  problem.instance = reply.request.url;
  problem.correlationId = String(reply.request.id);
  void reply.status(status).header('content-type', PROBLEM_CONTENT_TYPE).send(problem);
}
