import { describe, expect, it } from 'vitest';
import { validationDetails } from './error-handler';

describe('validationDetails', () => {
  it('lists every field with a plain message and its path', () => {
    const details = validationDetails('body', [
      { instancePath: '', keyword: 'additionalProperties', params: { additionalProperty: 'extra' }, message: 'must NOT have additional properties' },
      { instancePath: '', keyword: 'required', params: { missingProperty: 'familyName' }, message: "must have required property 'familyName'" },
      { instancePath: '/mrn', keyword: 'minLength', params: { limit: 1 }, message: 'must NOT have fewer than 1 characters' },
      { instancePath: '/reason', keyword: 'minLength', params: { limit: 10 }, message: 'must NOT have fewer than 10 characters' },
      { instancePath: '/birthDate', keyword: 'pattern', params: { pattern: '^\\d{4}-\\d{2}-\\d{2}$' }, message: 'must match pattern' },
      { instancePath: '/limit', keyword: 'type', params: { type: 'integer' }, message: 'must be integer' },
      { instancePath: '/id', keyword: 'format', params: { format: 'uuid' }, message: 'must match format "uuid"' },
    ]);
    expect(details).toEqual([
      { path: 'body.extra', message: 'is not a known field' },
      { path: 'body.familyName', message: 'is required' },
      { path: 'body.mrn', message: 'cannot be empty' },
      { path: 'body.reason', message: 'is too short: use at least 10 characters' },
      { path: 'body.birthDate', message: 'must be a date written YYYY-MM-DD' },
      { path: 'body.limit', message: 'must be a whole number' },
      { path: 'body.id', message: 'must be an id (UUID)' },
    ]);
  });

  it('reports a nullable field once, with the real reason, not "must be null"', () => {
    const details = validationDetails('body', [
      { instancePath: '/phone', keyword: 'maxLength', params: { limit: 40 }, message: 'too long' },
      { instancePath: '/phone', keyword: 'type', params: { type: 'null' }, message: 'must be null' },
      { instancePath: '/phone', keyword: 'anyOf', params: {}, message: 'must match a schema in anyOf' },
    ]);
    expect(details).toEqual([{ path: 'body.phone', message: 'is too long: use at most 40 characters' }]);
  });

  it('keeps a nullable field that failed only the union', () => {
    const details = validationDetails('querystring', [
      { instancePath: '/x', keyword: 'type', params: { type: 'null' }, message: 'must be null' },
      { instancePath: '/x', keyword: 'anyOf', params: {}, message: 'must match a schema in anyOf' },
    ]);
    expect(details).toEqual([{ path: 'querystring.x', message: 'is not an allowed value' }]);
  });
});
