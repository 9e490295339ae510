import type { OpenAPIObject, PathItemObject } from '@nestjs/swagger';
import { DEV_TOKENS_OPENAPI, DEV_TOKENS_PATH } from './dev-tokens';

/** The scheme name the services' @Roles (Nest's ApiBearerAuth) put on each operation. */
export const BEARER_SCHEME = 'bearer';

const BEARER = {
  type: 'http',
  scheme: 'bearer',
  bearerFormat: 'JWT',
  description: 'A JWT from the identity provider (in development, from POST /dev/tokens). Each operation lists the roles it allows in `x-roles`.',
};

const LIMITS_NOTE =
  'Every `/api/v1` call needs `Authorization: Bearer <JWT>` (401 otherwise). The gateway limits the request rate per client and per address ' +
  '(429 with Retry-After) and refuses pages over 200 items and bodies over 1 MiB.';

/**
 * What the gateway itself adds to the document merged from the services: the bearer scheme that
 * the services' operations refer to (they name it but do not define it) as the default security,
 * so that Swagger UI offers Authorize, and its own development route when it has one.
 */
export function withGatewayParts(doc: OpenAPIObject, options: { devTokens: boolean }): OpenAPIObject {
  const securitySchemes = { [BEARER_SCHEME]: BEARER, ...doc.components?.securitySchemes };
  const paths: Record<string, PathItemObject> = { ...doc.paths };
  const tags = [...(doc.tags ?? [])];
  if (options.devTokens) {
    paths[DEV_TOKENS_PATH] = DEV_TOKENS_OPENAPI as PathItemObject;
    tags.push({ name: 'Development', description: 'Helpers that exist only in development' });
  }
  return {
    ...doc,
    info: { ...doc.info, description: [doc.info.description, LIMITS_NOTE].filter(Boolean).join('\n\n') },
    paths,
    components: { ...doc.components, securitySchemes } as OpenAPIObject['components'],
    tags,
    security: doc.security?.length ? doc.security : [{ [BEARER_SCHEME]: [] }],
  };
}
