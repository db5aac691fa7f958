/** Schemas shared by several routes (TypeBox: one schema gives validation, types and OpenAPI). */
import { Type, type TSchema } from '@sinclair/typebox';

export const Uuid = Type.String({ format: 'uuid' });
export const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'Calendar date, YYYY-MM-DD' });
export const IsoInstant = Type.String({ format: 'date-time' });
export const Nullable = <T extends TSchema>(schema: T): ReturnType<typeof Type.Union<[T, ReturnType<typeof Type.Null>]>> =>
  Type.Union([schema, Type.Null()]);

export const ErrorResponse = Type.Object(
  {
    error: Type.Object(
      {
        code: Type.String(),
        message: Type.String(),
        details: Type.Array(Type.Object({ path: Type.String(), message: Type.String() }, { additionalProperties: true })),
        requestId: Type.String(),
      },
      { additionalProperties: true },
    ),
  },
  { $id: 'ErrorResponse', description: 'Every REST error: a stable code, a plain message and every invalid field.' },
);

export const IdParams = Type.Object({ id: Uuid }, { additionalProperties: false });

/** The standard error responses every route may return, for the OpenAPI document. */
export const errorResponses = {
  400: Type.Ref('ErrorResponse'),
  401: Type.Ref('ErrorResponse'),
  403: Type.Ref('ErrorResponse'),
  404: Type.Ref('ErrorResponse'),
} as const;

/** Parses `W/"3"`, `"3"` or `3` into a version number; undefined when absent or malformed. */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (!header) return undefined;
  const m = /^(?:W\/)?"?(\d+)"?$/.exec(header.trim());
  return m ? Number(m[1]) : undefined;
}

export const etag = (version: number): string => `W/"${version}"`;

/** A string that must be one of `values`, with the literal type kept (and an `enum` in OpenAPI). */
export const StringEnum = <T extends readonly string[]>(values: T, options: { description?: string } = {}) =>
  Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...options });
