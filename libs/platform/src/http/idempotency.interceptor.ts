import { createHash } from 'node:crypto';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Inject, Injectable, UseInterceptors, applyDecorators, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { BusinessRuleViolation, ValidationError } from '../ddd';
import { requestContext } from '../observability';
import { UnitOfWork } from '../persistence';

const REPLAYED_HEADERS = ['etag', 'location'];

interface StoredResponse {
  request_hash: string;
  response_status: number;
  response_headers: Record<string, string>;
  response_body: string;
}

/**
 * `Idempotency-Key` on creating POSTs (IETF draft-ietf-httpapi-idempotency-key-header). The key is
 * claimed with INSERT … ON CONFLICT DO NOTHING in the same transaction as the effect, and the
 * response is stored there too. A concurrent request with the same key blocks on that row until the
 * first commits, then replays its answer; if the first fails, its claim rolls back and the next one
 * runs. Same key with another body: 422.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const clientKey = request.headers['idempotency-key'] as string | undefined;
    if (clientKey === undefined) return next.handle();
    if (!/^[\x21-\x7e]{1,255}$/.test(clientKey)) throw new ValidationError('Idempotency-Key must be 1 to 255 visible ASCII characters', 'Idempotency-Key');
    const hash = requestHash(request);
    const { company, actor } = requestContext.require();
    // Keys are the client's own: two callers choosing the same key never see each other's answers.
    const key = `${actor} ${clientKey}`; // a space never occurs in a key
    const status: number = Reflect.getMetadata(HTTP_CODE_METADATA, context.getHandler()) ?? (request.method === 'POST' ? 201 : 200);

    return from(
      this.uow.transaction(async (m) => {
        const claimed: unknown[] = await m.query(
          'INSERT INTO idempotency_keys (company, key, request_hash) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING 1',
          [company, key, hash],
        );
        if (claimed.length === 0) return this.replay(m, company, key, hash, reply);
        const body = await lastValueFrom(next.handle(), { defaultValue: undefined });
        const headers = Object.fromEntries(REPLAYED_HEADERS.filter((h) => reply.hasHeader(h)).map((h) => [h, String(reply.getHeader(h))]));
        await m.query(
          'UPDATE idempotency_keys SET response_status = $3, response_headers = $4, response_body = $5 WHERE company = $1 AND key = $2',
          [company, key, status, JSON.stringify(headers), JSON.stringify(body ?? null)],
        );
        return body;
      }),
    );
  }

  private async replay(m: { query: (sql: string, p: unknown[]) => Promise<StoredResponse[]> }, company: string, key: string, hash: string, reply: FastifyReply) {
    const [stored] = await m.query('SELECT request_hash, response_status, response_headers, response_body FROM idempotency_keys WHERE company = $1 AND key = $2', [company, key]);
    if (!stored || stored.request_hash !== hash) {
      throw new IdempotencyKeyReusedError();
    }
    for (const [name, value] of Object.entries(stored.response_headers ?? {})) void reply.header(name, value);
    void reply.header('idempotent-replayed', 'true');
    return JSON.parse(stored.response_body);
  }
}

export class IdempotencyKeyReusedError extends BusinessRuleViolation {
  constructor() {
    super('This Idempotency-Key was already used with a different request', 'Idempotency-Key');
  }
}

function requestHash(request: FastifyRequest): string {
  return createHash('sha256').update(`${request.method} ${request.url}\n${stableStringify(request.body ?? null)}`).digest('hex');
}

function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${stableStringify((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Marks a creating POST as safe to retry with an Idempotency-Key. */
export const Idempotent = () =>
  applyDecorators(
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Retry-safe creation: the same key and body replay the first answer; another body is 422' }),
  );
