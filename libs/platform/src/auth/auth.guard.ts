import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { ForbiddenError, UnauthenticatedError } from '../ddd';
import { PUBLIC_KEY, ROLES_KEY } from './roles.decorator';
import type { Principal, Role } from './roles';
import { InvalidTokenError, TokenVerifier } from './token-verifier';

export type AuthenticatedRequest = FastifyRequest & { principal?: Principal };

/**
 * Runs before every HTTP handler: verifies the bearer token (401 otherwise) and checks the
 * route's declared roles (403 otherwise). Deny by default: a route that declares no roles is
 * closed. Object-level checks (company, customer account) follow in each use case.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(TokenVerifier) private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    request.principal = await this.authenticate(request.headers.authorization);
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets) ?? [];
    if (!request.principal.roles.some((r) => allowed.includes(r))) {
      throw new ForbiddenError(`This action is not allowed for role ${request.principal.roles.join(', ')}`);
    }
    return true;
  }

  private async authenticate(header: string | undefined): Promise<Principal> {
    const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
    if (!match) throw new UnauthenticatedError('A bearer token is required (Authorization: Bearer <token>)');
    try {
      return await this.verifier.verify(match[1]);
    } catch (err) {
      if (err instanceof InvalidTokenError) throw new UnauthenticatedError(`The bearer token is not valid: ${err.message}`);
      throw err;
    }
  }
}
