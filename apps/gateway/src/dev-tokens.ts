import type { FastifyError, FastifyInstance } from 'fastify';
import type { FieldError } from '@assistenza/contracts';
import { issueDevToken, isRole, ROLES, type AuthConfig, type DevTokenRequest } from '@assistenza/platform/auth';
import type { LimitHook } from './rate-limits';
import { sendProblem } from './problem-reply';

export const DEV_TOKENS_PATH = '/dev/tokens';
/** Long enough for a working day in Swagger UI without fetching a new token. */
export const DEV_TOKEN_TTL_SECONDS = 8 * 60 * 60;

const COMPANY = /^[A-Za-z0-9]{1,8}$/;
const FIELDS = new Set(['role', 'companies', 'customerAccount']);

/**
 * POST /dev/tokens: a signed token for any role, so that Swagger UI, curl and tests can call the
 * API in development. The caller registers it only outside production and with the development
 * secret; elsewhere the route does not exist at all (404), and tokens come from the identity provider.
 */
export async function registerDevTokens(fastify: FastifyInstance, auth: AuthConfig, perIp: LimitHook): Promise<void> {
  await fastify.register(async (scope) => {
    scope.addHook('onRequest', perIp);
    scope.setErrorHandler((error: FastifyError, _request, reply) => {
      const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
      return sendProblem(reply, status, status === 500 ? 'Could not issue the token' : error.message);
    });
    scope.post(DEV_TOKENS_PATH, async (request, reply) => {
      const parsed = parseRequest(request.body);
      if ('errors' in parsed) return sendProblem(reply, 400, 'The token request is not valid', parsed.errors);
      const token = await issueDevToken(auth, { ...parsed, expiresIn: DEV_TOKEN_TTL_SECONDS });
      return reply.send({ token, expiresIn: DEV_TOKEN_TTL_SECONDS });
    });
  });
}

function parseRequest(body: unknown): Omit<DevTokenRequest, 'expiresIn'> | { errors: FieldError[] } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { errors: [{ field: 'body', message: 'must be a JSON object' }] };
  const { role, companies, customerAccount } = body as Record<string, unknown>;
  const errors: FieldError[] = Object.keys(body)
    .filter((key) => !FIELDS.has(key))
    .map((field) => ({ field, message: `${field} is not a field of a token request` }));
  if (!isRole(role)) errors.push({ field: 'role', message: `role must be one of ${ROLES.join(', ')}` });
  const companyList = companies === undefined ? ['DAT'] : companies;
  if (!Array.isArray(companyList) || companyList.length === 0 || companyList.length > 20 || !companyList.every((c) => typeof c === 'string' && COMPANY.test(c))) {
    errors.push({ field: 'companies', message: 'companies must be 1 to 20 company codes of 1 to 8 letters or digits' });
  }
  const account = customerAccount;
  if (account !== undefined && (typeof account !== 'string' || account.length < 1 || account.length > 50)) {
    errors.push({ field: 'customerAccount', message: 'customerAccount must be a string of 1 to 50 characters' });
  } else if (role === 'customer' && account === undefined) {
    errors.push({ field: 'customerAccount', message: 'a customer token must name its customerAccount' });
  }
  if (errors.length > 0) return { errors };
  return { role: role as DevTokenRequest['role'], companies: (companyList as string[]).map((c) => c.toUpperCase()), customerAccount: account as string | undefined };
}

/** The route in the merged OpenAPI document (only when it is registered). */
export const DEV_TOKENS_OPENAPI = {
  post: {
    operationId: 'DevTokens_issue',
    tags: ['Development'],
    summary: 'Issue a development token for a role (not available in production)',
    description:
      'Signs a bearer token with the development secret. Copy `token` into **Authorize** (bearer) to call the API as that role. ' +
      'A customer token must name its `customerAccount`; `companies` defaults to `["DAT"]`.',
    security: [],
    requestBody: {
      required: true,
      content: {
        'application/json': {
          schema: {
            type: 'object',
            required: ['role'],
            additionalProperties: false,
            properties: {
              role: { type: 'string', enum: [...ROLES] },
              companies: { type: 'array', items: { type: 'string', pattern: '^[A-Za-z0-9]{1,8}$' }, minItems: 1, maxItems: 20, default: ['DAT'] },
              customerAccount: { type: 'string', minLength: 1, maxLength: 50, description: 'Required for the customer role' },
            },
          },
          example: { role: 'dispatcher', companies: ['DAT'] },
        },
      },
    },
    responses: {
      200: {
        description: 'The token',
        content: {
          'application/json': {
            schema: { type: 'object', required: ['token', 'expiresIn'], properties: { token: { type: 'string' }, expiresIn: { type: 'integer', description: 'Seconds' } } },
          },
        },
      },
      400: { description: 'Invalid request (problem+json naming the fields)' },
      429: { description: 'Too many requests from this address' },
    },
  },
};
