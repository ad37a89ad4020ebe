import { Ajv, type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';
import { AppError, type ErrorDetail } from '../lib/errors.js';

// ajv-formats ships CJS with a default export; under NodeNext it arrives wrapped.
type AddFormats = (ajv: Ajv) => Ajv;
const addFormats = ((addFormatsModule as unknown as { default?: AddFormats }).default ?? addFormatsModule) as unknown as AddFormats;

function makeAjv(coerceTypes: boolean | 'array'): Ajv {
  // removeAdditional stays off: unknown fields are an error the client should hear about,
  // not something silently dropped.
  const ajv = new Ajv({ allErrors: true, coerceTypes, useDefaults: true, removeAdditional: false, strict: false });
  addFormats(ajv);
  return ajv;
}

const bodyAjv = makeAjv(false);
// Query strings and path params are strings on the wire; coerce them to the declared types.
const paramAjv = makeAjv('array');

export const validatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) => {
  const ajv = httpPart === 'body' ? bodyAjv : paramAjv;
  return ajv.compile(schema as object) as ReturnType<FastifySchemaCompiler<unknown>>;
};

export function toDetails(errors: ErrorObject[], part: string): ErrorDetail[] {
  return errors.map((e) => {
    let path = e.instancePath || '';
    if (e.keyword === 'additionalProperties') path += `/${String((e.params as { additionalProperty: string }).additionalProperty)}`;
    if (e.keyword === 'required') path += `/${String((e.params as { missingProperty: string }).missingProperty)}`;
    const message = e.keyword === 'additionalProperties' ? 'unknown field' : (e.message ?? 'invalid');
    return { path: `${part}${path || '/'}`.replace(/\/$/, '') || part, message };
  });
}

/** No request shape nests anywhere near this deep; anything deeper is refused before it is walked. */
const MAX_JSON_DEPTH = 32;

/**
 * Rejects text PostgreSQL cannot store faithfully: NUL bytes and lone UTF-16 surrogates.
 * Also refuses absurd nesting, which would otherwise exhaust the stack here (a 500).
 */
export function assertCleanStrings(value: unknown, path: string, depth = 0): void {
  if (depth > MAX_JSON_DEPTH) {
    throw new AppError('validation_failed', `JSON must not nest deeper than ${MAX_JSON_DEPTH} levels`, [
      { path, message: 'nested too deeply' },
    ]);
  }
  // Raw bodies (uploads, signed webhooks) are bytes, not text to check: walking them would cost a step per byte.
  if (value instanceof Uint8Array) return;
  if (typeof value === 'string') {
    if (value.includes('\u0000'))
      throw new AppError('invalid_string', 'text must not contain NUL bytes', [{ path, message: 'contains NUL' }]);
    if (!value.isWellFormed())
      throw new AppError('invalid_string', 'text must be valid Unicode', [{ path, message: 'contains a lone surrogate' }]);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((v, i) => assertCleanStrings(v, `${path}/${i}`, depth + 1));
    return;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      assertCleanStrings(k, `${path}/${k}`, depth + 1);
      assertCleanStrings(v, `${path}/${k}`, depth + 1);
    }
  }
}
