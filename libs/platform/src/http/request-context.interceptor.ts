import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Observable } from 'rxjs';
import type { AuthenticatedRequest } from '../auth/auth.guard';
import { ForbiddenError, ValidationError } from '../ddd';
import { requestContext, type RequestContext } from '../observability';

const COMPANY = /^[A-Za-z0-9]{1,8}$/;

/**
 * Opens the request context around the handler: the correlation id (taken from X-Correlation-Id
 * or new, and echoed back), the caller from its verified token, and the company the request acts
 * in: X-Company if the token allows it, else the token's first company.
 */
@Injectable()
export class RequestContextInterceptor implements NestInterceptor {
  constructor(private readonly defaultCompany: string) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const correlationId = headerOf(request, 'x-correlation-id') ?? requestContext.newCorrelationId();
    void reply.header('x-correlation-id', correlationId);
    const ctx = { correlationId, causationId: null, ...this.caller(request) };
    return new Observable((subscriber) => requestContext.run(ctx, () => next.handle().subscribe(subscriber)));
  }

  private caller(request: AuthenticatedRequest): Pick<RequestContext, 'company' | 'actor' | 'roles' | 'customerAccount'> {
    const asked = headerOf(request, 'x-company')?.toUpperCase();
    if (asked !== undefined && !COMPANY.test(asked)) throw new ValidationError('X-Company must be 1 to 8 letters or digits', 'X-Company');
    const principal = request.principal;
    if (!principal) return { company: asked ?? this.defaultCompany, actor: 'anonymous', roles: [], customerAccount: null };
    if (asked !== undefined && !principal.companies.includes(asked)) throw new ForbiddenError(`Your token does not allow company ${asked}`, 'X-Company');
    return { company: asked ?? principal.companies[0], actor: principal.subject, roles: principal.roles, customerAccount: principal.customerAccount };
  }
}

function headerOf(request: AuthenticatedRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' && value.length > 0 && value.length <= 200 ? value : undefined;
}
