import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { PreconditionRequiredError, ValidationError } from '../ddd';

/** The ETag of an aggregate version: a strong validator, since the version changes with every write. */
export const etagOf = (version: number) => `"${version}"`;

/** Parses If-Match into the version the client read; a write without it gets 428. */
export function parseIfMatch(header: string | undefined): number {
  if (!header) throw new PreconditionRequiredError();
  const match = /^(?:W\/)?"(\d+)"$/.exec(header.trim());
  if (!match) throw new ValidationError('If-Match must be an ETag returned by this API, e.g. "3"', 'If-Match');
  return Number(match[1]);
}

/** Handler parameter: the version named by the request's If-Match header. */
export const IfMatchVersion = createParamDecorator((_: unknown, ctx: ExecutionContext): number =>
  parseIfMatch(ctx.switchToHttp().getRequest<FastifyRequest>().headers['if-match'] as string | undefined),
);
