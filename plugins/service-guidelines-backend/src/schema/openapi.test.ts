import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import { createConfiguredTestDatabases } from '../__testUtils__/databases';
import { startSynpunktBackend } from '../__testUtils__/synpunktBackend';
import { buildOpenApiDocument } from './openapi';

jest.setTimeout(60_000);

describe('OpenAPI document', () => {
  const databases = createConfiguredTestDatabases();

  it('serves every route it documents, and serves itself', async () => {
    const knex = await databases.init('SQLITE_3');
    const { server } = await startSynpunktBackend({ knex });
    const doc = buildOpenApiDocument('1.0.0');
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map(method => ({ method, path })),
    );
    const unserved: string[] = [];
    for (const { method, path } of documented) {
      const url = `/api/service-guidelines${path.replace(
        '{id}',
        '00000000-0000-0000-0000-000000000000',
      )}`;
      const res = await (
        request(server) as unknown as Record<
          string,
          (u: string) => request.Test
        >
      )
        [method](url)
        .set('Authorization', mockCredentials.user.header('user:default/sara'));
      // A 404 from a handler names the missing synpunkt; any other 404 means no such route.
      const routeMissing =
        res.status === 404 &&
        !/No (synpunkt|svarsmall|uppföljning) with id/.test(
          res.body.error?.message ?? '',
        );
      if (routeMissing) unserved.push(`${method.toUpperCase()} ${path}`);
    }
    expect(unserved).toEqual([]);
    const served = await request(server)
      .get('/api/service-guidelines/openapi.json')
      .set('Authorization', mockCredentials.user.header('user:default/sara'));
    expect(served.status).toBe(200);
    expect(Object.keys(served.body.paths)).toEqual(Object.keys(doc.paths));
  });

  it('describes the registration body from the validating schema', () => {
    const doc = buildOpenApiDocument('1.0.0');
    const schema = doc.paths['/synpunkter'].post.requestBody.content[
      'application/json'
    ].schema as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining([
        'type',
        'channel',
        'unitRef',
        'area',
        'description',
        'anonymous',
      ]),
    );
    expect(schema.required).toEqual(
      expect.arrayContaining([
        'type',
        'channel',
        'unitRef',
        'area',
        'description',
        'anonymous',
      ]),
    );
  });
});
