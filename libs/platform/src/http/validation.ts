import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';
import type { FieldError } from '@assistenza/contracts';

/**
 * Whitelisting validation: unknown fields are rejected, not silently dropped (no mass assignment,
 * OWASP API3), and every failing field is named in the problem's `errors`.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const fieldErrors = flatten(errors);
      return new BadRequestException({ detail: `Invalid input: ${fieldErrors.map((e) => e.field).join(', ')}`, errors: fieldErrors });
    },
  });
}

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ field, message: message.replace(/^property \S+ /, '') }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}
