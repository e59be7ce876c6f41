import { TestDatabaseId } from '@backstage/backend-test-utils';
import { createConfiguredTestDatabases } from '../../__testUtils__/databases';
import {
  aSynpunkt,
  startSynpunktBackend,
} from '../../__testUtils__/synpunktBackend';

jest.setTimeout(120_000);

const databases = createConfiguredTestDatabases();

describe.each(databases.eachSupportedId())('bad input on %p', databaseId => {
  let backend: Awaited<ReturnType<typeof startSynpunktBackend>>;

  beforeAll(async () => {
    const knex = await databases.init(databaseId as TestDatabaseId);
    backend = await startSynpunktBackend({ knex });
  });

  it('refuses a body over the limit with 413 saying how large it was and what is allowed', async () => {
    const res = await backend
      .as('erik')
      .post('/synpunkter', aSynpunkt({ description: 'x'.repeat(300_000) }));
    expect(res.status).toBe(413);
    expect(res.body.error.name).toBe('PayloadTooLargeError');
    expect(res.body.error.message).toMatch(
      /^The request body \(\d+ bytes\) is over this route's limit of 256 kB; shorten the texts \(a description holds at most 10000 characters\)/,
    );
  });

  it('refuses an import file over its own limit with 413 as well', async () => {
    const res = await backend
      .as('sara')
      .post('/fortroendevalda/import/dry-run')
      .set('Content-Type', 'text/csv')
      .send('x'.repeat(5 * 1024 * 1024 + 1));
    expect(res.status).toBe(413);
    expect(res.body.error.message).toMatch(/limit of 5120 kB/);
  });

  it('takes a JSON import over the JSON limit but within the import limit of 5 MB', async () => {
    const organ = await backend.as('sara').post('/fortroendevalda', {
      name: 'Känd Ledamot',
      party: 'S',
      email: 'kand.ledamot@kommun.se',
      uppdrag: [
        {
          organ: 'Kommunstyrelsen',
          role: 'ledamot',
          from: '2023-01-01',
          newOrgan: true,
        },
      ],
    });
    const people = Array.from({ length: 2000 }, (_, i) => ({
      namn: `Ledamot Nummer ${i} med ett ganska långt namn för storlekens skull`,
      parti: 'S',
      epost: `ledamot.nummer.${i}@kommun.se`,
      organ: 'Kommunstyrelsen',
      roll: 'ersättare',
      fran: '2023-01-01',
    }));
    const file = JSON.stringify(people, null, 2);
    const res = await backend
      .as('sara')
      .post('/fortroendevalda/import/dry-run')
      .set('Content-Type', 'application/json')
      .send(file);
    expect({
      organ: organ.status,
      bigger: file.length > 256 * 1024,
      status: res.status,
      format: res.body.format,
      added: res.body.people?.added?.length,
    }).toEqual({
      organ: 201,
      bigger: true,
      status: 200,
      format: 'json',
      added: 2000,
    });
  });

  it('stores and returns text exactly as typed, markup included', async () => {
    const description =
      '<script>alert(1)</script> <img src=x onerror=alert(2)> & "citat" \u202eÅÄÖ 👩‍👧\nrad två';
    const created = await backend.as('erik').post(
      '/synpunkter',
      aSynpunkt({
        description,
        contact: { name: '<b>Anna</b>', email: 'a@b.se' },
      }),
    );
    expect(created.status).toBe(201);
    const read = await backend
      .as('maria')
      .get(`/synpunkter/${created.body.id}`);
    expect(read.body.description).toBe(description);
    expect(read.body.contact.name).toBe('<b>Anna</b>');
    const found = await backend
      .as('maria')
      .get(`/synpunkter?q=${encodeURIComponent('<script>')}`);
    expect(found.body.items.map((s: { id: string }) => s.id)).toContain(
      created.body.id,
    );
  });

  it('refuses a NUL character in a text, and in an id, naming what to fix', async () => {
    const text = await backend
      .as('erik')
      .post('/synpunkter', aSynpunkt({ description: 'före\u0000efter' }));
    expect(text.status).toBe(400);
    expect(text.body.error.fields).toEqual([
      {
        field: 'description',
        message:
          'must not contain the NUL character (U+0000); remove it and send the text again',
      },
    ]);
    const id = await backend.as('maria').get('/synpunkter/a%00b');
    expect(id.status).toBe(400);
    expect(id.body.error.message).toMatch(/NUL character/);
  });

  it('refuses a version no record could have, instead of failing in the database', async () => {
    const created = await backend.as('erik').post('/synpunkter', aSynpunkt());
    const res = await backend
      .as('maria')
      .patch(`/synpunkter/${created.body.id}`, {
        version: 2 ** 31,
        description: 'Rättad',
      });
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0]).toEqual({
      field: 'version',
      message: expect.stringMatching(/^is not a version this API gave out/),
    });
  });

  it('refuses a cursor it did not give out', async () => {
    const forged = Buffer.from(JSON.stringify(['\u0000', 'x'])).toString(
      'base64url',
    );
    const res = await backend.as('maria').get(`/synpunkter?cursor=${forged}`);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/is not a cursor this API gave out/);
  });
});
