import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Observable } from 'rxjs';
import { ValidationError } from '../ddd';
import { requestContext } from '../observability';

const COMPANY = /^[A-Za-z0-9]{1,8}$/;

/**
 * Opens the request context around the handler: the correlation id (taken from X-Correlation-Id
 * or new, and echoed back) and the company the request acts in.
 * The company comes from the X-Company header until authentication supplies it (issue #5).
 */
@Injectable()
export class RequestContextInterceptor implements NestInterceptor {
  constructor(private readonly defaultCompany: string) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const correlationId = headerOf(request, 'x-correlation-id') ?? requestContext.newCorrelationId();
    const company = (headerOf(request, 'x-company') ?? this.defaultCompany).toUpperCase();
    void reply.header('x-correlation-id', correlationId);
    if (!COMPANY.test(company)) throw new ValidationError('X-Company must be 1 to 8 letters or digits', 'X-Company');
    const ctx = { correlationId, causationId: null, company, actor: headerOf(request, 'x-actor') ?? 'anonymous' };
    return new Observable((subscriber) => requestContext.run(ctx, () => next.handle().subscribe(subscriber)));
  }
}

function headerOf(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' && value.length > 0 && value.length <= 200 ? value : undefined;
}
