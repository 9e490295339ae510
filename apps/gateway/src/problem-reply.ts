import { HttpException } from '@nestjs/common';
import type { FastifyReply, RawServerBase, RouteGenericInterface } from 'fastify';
import { PROBLEM_CONTENT_TYPE, type FieldError } from '@assistenza/contracts';
import { toProblem } from '@assistenza/platform/http';

type AnyReply = FastifyReply<RouteGenericInterface, RawServerBase>;

/**
 * Answers with RFC 9457 problem+json from plain Fastify code (the proxy routes are not Nest
 * handlers, so the Nest exception filter never sees their errors). Same shape as the services'.
 */
export function sendProblem(reply: AnyReply, status: number, detail: string, errors?: FieldError[]): AnyReply {
  const problem = toProblem(new HttpException(detail, status));
  problem.instance = reply.request.url;
  problem.correlationId = String(reply.request.id);
  if (errors) problem.errors = errors;
  return reply.status(status).header('content-type', PROBLEM_CONTENT_TYPE).send(problem);
}
