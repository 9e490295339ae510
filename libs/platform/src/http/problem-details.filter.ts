import { Catch, HttpException, HttpStatus, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { QueryFailedError } from 'typeorm';
import { PROBLEM_CONTENT_TYPE, type FieldError, type ProblemDetails } from '@assistenza/contracts';
import { AppError } from '../ddd';
import { requestContext } from '../observability';

const STATUS_OF_KIND: Record<AppError['kind'], number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  rule: 422,
  'precondition-failed': 412,
  'precondition-required': 428,
};

/** Every error leaves as RFC 9457 problem+json, naming the failing fields where there are any. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const problem = toProblem(exception);
    problem.instance = request.url;
    problem.correlationId = requestContext.current()?.correlationId ?? (request.headers['x-correlation-id'] as string | undefined);
    if (problem.status >= 500) request.log?.error({ err: exception }, 'unhandled error');
    if (problem.status === 401) void reply.header('www-authenticate', 'Bearer');
    void reply.status(problem.status).header('content-type', PROBLEM_CONTENT_TYPE).send(problem);
  }
}

export function toProblem(exception: unknown): ProblemDetails {
  if (exception instanceof AppError) {
    const status = STATUS_OF_KIND[exception.kind];
    const errors: FieldError[] | undefined = exception.field ? [{ field: exception.field, message: exception.message }] : undefined;
    return problem(status, exception.message, errors);
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const body = exception.getResponse();
    if (typeof body === 'object' && body !== null && 'errors' in body) {
      const b = body as { detail?: string; errors: FieldError[] };
      return problem(status, b.detail ?? exception.message, b.errors);
    }
    const message = typeof body === 'object' && body !== null && 'message' in body ? String((body as { message: unknown }).message) : exception.message;
    return problem(status, message);
  }
  if (exception instanceof QueryFailedError && (exception as unknown as { code?: string }).code === '23505') {
    return problem(HttpStatus.CONFLICT, 'A resource with this key already exists');
  }
  return problem(HttpStatus.INTERNAL_SERVER_ERROR, 'An unexpected error occurred; the correlation id identifies it in the logs');
}

function problem(status: number, detail: string, errors?: FieldError[]): ProblemDetails {
  const title = titleOf(status);
  return { type: `https://assistenza.dev/problems/${slug(title)}`, title, status, detail, ...(errors ? { errors } : {}) };
}

function titleOf(status: number): string {
  const name = HttpStatus[status];
  return name ? name.toLowerCase().split('_').map((w) => w[0].toUpperCase() + w.slice(1)).join(' ') : 'Error';
}

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-');
