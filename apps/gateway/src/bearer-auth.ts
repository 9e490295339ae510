import type { FastifyReply, FastifyRequest } from 'fastify';
import { InvalidTokenError, type Principal, type TokenVerifier } from '@assistenza/platform/auth';
import { sendProblem } from './problem-reply';

const BEARER = /^Bearer\s+(\S+)$/i;

// The verified caller of a request, for the hooks after authentication (the per-client limit).
const principals = new WeakMap<FastifyRequest, Principal>();

/** The caller whose token the gateway verified on this request, if it did. */
export function principalOf(request: FastifyRequest): Principal | undefined {
  return principals.get(request);
}

/**
 * onRequest hook: a request without a valid bearer token (signature, issuer, audience, expiry)
 * is answered 401 here and never reaches a service, nor is its body read. The Authorization
 * header travels on untouched: the services verify it again and check the route's roles.
 */
export function requireBearerToken(verifier: TokenVerifier) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const match = BEARER.exec(request.headers.authorization ?? '');
    if (!match) {
      void reply.header('www-authenticate', 'Bearer');
      return sendProblem(reply, 401, 'A bearer token is required (Authorization: Bearer <token>)');
    }
    try {
      principals.set(request, await verifier.verify(match[1]));
    } catch (err) {
      if (!(err instanceof InvalidTokenError)) throw err;
      // RFC 6750 §3.1; the reason is in the problem's detail, not in a header a client might log.
      void reply.header('www-authenticate', 'Bearer error="invalid_token"');
      return sendProblem(reply, 401, `The bearer token is not valid: ${err.message}`);
    }
    return undefined;
  };
}
