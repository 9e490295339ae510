import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { ValidationError } from '../ddd';

export const MAX_PAGE_SIZE = 200;

/** `?limit=&cursor=`: keyset pagination, stable under concurrent inserts. */
export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit = 50;

  @ApiPropertyOptional({ description: 'Opaque cursor from the previous page\'s nextCursor' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;
}

export class PageMeta {
  @ApiProperty({ nullable: true, type: String, description: 'Pass as ?cursor= to read the next page; null on the last page' })
  nextCursor!: string | null;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Encodes the sort key of the last item of a page. */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): (string | number)[] | null {
  if (!cursor) return null;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key)) return key;
  } catch {
    // fall through to the validation error
  }
  throw new ValidationError('cursor is not one this API issued', 'cursor');
}

/** Builds a page from `limit + 1` fetched rows: the extra row only says whether there is more. */
export function toPage<T>(rows: T[], limit: number, keyOf: (row: T) => readonly (string | number)[]): Page<T> {
  const items = rows.slice(0, limit);
  const more = rows.length > limit;
  return { items, nextCursor: more && items.length ? encodeCursor(keyOf(items[items.length - 1])) : null };
}
