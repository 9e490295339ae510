/**
 * Errors any layer may raise; the HTTP edge maps each kind to one problem+json status.
 * Plain TypeScript, so domain code can use them without depending on a framework.
 */
export abstract class AppError extends Error {
  abstract readonly kind:
    | 'validation'
    | 'unauthenticated'
    | 'forbidden'
    | 'not-found'
    | 'conflict'
    | 'rule'
    | 'precondition-failed'
    | 'precondition-required';
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Input that can never be right (400), naming the field. */
export class ValidationError extends AppError {
  readonly kind = 'validation' as const;
}

/** No valid bearer token (401). */
export class UnauthenticatedError extends AppError {
  readonly kind = 'unauthenticated' as const;
}

/** The caller is known but its roles do not allow this action (403). */
export class ForbiddenError extends AppError {
  readonly kind = 'forbidden' as const;
}

/** The resource does not exist for this company and caller (404). */
export class NotFoundError extends AppError {
  readonly kind = 'not-found' as const;
  constructor(resource: string, id: string) {
    super(`${resource} ${id} was not found`);
  }
}

/** The request clashes with the current state, e.g. a duplicate key (409). */
export class ConflictError extends AppError {
  readonly kind = 'conflict' as const;
}

/** A business rule forbids the action in the current state (422). */
export class BusinessRuleViolation extends AppError {
  readonly kind = 'rule' as const;
}

/** The client's If-Match version is not the current one (412). */
export class ConcurrencyConflictError extends AppError {
  readonly kind = 'precondition-failed' as const;
  constructor(resource: string, id: string, expected: number) {
    super(`${resource} ${id} is no longer at version ${expected}; read it again and retry`);
  }
}

/** A write came without If-Match (428). */
export class PreconditionRequiredError extends AppError {
  readonly kind = 'precondition-required' as const;
  constructor() {
    super('This request must carry an If-Match header with the ETag of the version being changed', 'If-Match');
  }
}
