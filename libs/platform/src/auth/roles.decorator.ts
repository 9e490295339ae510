import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Role } from './roles';

export const ROLES_KEY = 'assistenza:roles';
export const PUBLIC_KEY = 'assistenza:public';

/**
 * The roles allowed to call a route. Every route must say (a route without it is refused for
 * everyone); the OpenAPI document shows the list as `x-roles`, which the security tests read.
 */
export const Roles = (...roles: Role[]) =>
  applyDecorators(
    SetMetadata(ROLES_KEY, roles),
    ApiBearerAuth(),
    ApiExtension('x-roles', roles),
    ApiUnauthorizedResponse({ description: 'No valid bearer token' }),
    ApiForbiddenResponse({ description: `Only for: ${roles.join(', ')}` }),
  );

/** A route anyone may call without a token (health, metrics). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
