import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { serviceGuidelinesPlugin } from '../../plugin';
import {
  DEMO_CSV_PATH,
  demoOrganGroups,
} from '../fortroendevalda/testFixtures';
import { withTodayAt } from '../../__testUtils__/fixedToday';

jest.setTimeout(60_000);

const PATH = '/api/service-guidelines/public/fortroendevalda';

// The demo terms run to 2026-12-31.
withTodayAt('2026-11-24T09:00:00Z');

// The test backend treats a request without Authorization as a signed-in user; this header makes
// it a request with no credentials at all, as from the external website.
const NO_TOKEN = mockCredentials.none.header();

async function startPublicBackend(requestsPerMinute = 60) {
  const { server } = await startTestBackend({
    features: [
      serviceGuidelinesPlugin,
      catalogServiceMock.factory({ entities: demoOrganGroups() }),
      mockServices.rootConfig.factory({
        data: {
          serviceGuidelines: {
            fortroendevalda: {
              seedFile: DEMO_CSV_PATH,
              publicApi: { requestsPerMinute },
            },
          },
        },
      }),
    ],
  });
  return server;
}

describe('GET /public/fortroendevalda', () => {
  it('serves the current directory without a token, with only the published fields', async () => {
    const server = await startPublicBackend();

    const res = await request(server).get(PATH).set('Authorization', NO_TOKEN);

    expect(res.status).toBe(200);
    expect(res.body.date).toBe('2026-11-24');
    expect(res.body.items).toHaveLength(30);
    for (const person of res.body.items) {
      expect(Object.keys(person).sort()).toEqual([
        'email',
        'name',
        'party',
        'uppdrag',
      ]);
      for (const uppdrag of person.uppdrag) {
        expect(Object.keys(uppdrag).sort()).toEqual([
          'from',
          'organ',
          'role',
          'to',
        ]);
      }
    }
    // No phone number of the demo list (all 070-174 06 xx) anywhere in the answer.
    expect(res.text).not.toMatch(/070-174/);
    expect(res.body.items[0]).toEqual({
      name: 'Agneta Fors',
      party: 'VäP',
      email: 'agneta.fors@politiker.varmdo.se',
      uppdrag: [
        {
          organ: 'Kultur- och fritidsnämnden',
          role: '1:e vice ordförande',
          from: '2023-01-01',
          to: '2026-12-31',
        },
      ],
    });
  });

  it('can be cached for five minutes, answers 304 to its ETag, and is open to any website', async () => {
    const server = await startPublicBackend();

    const first = await request(server)
      .get(PATH)
      .set('Authorization', NO_TOKEN)
      .set('Origin', 'https://www.varmdo.se');
    const again = await request(server)
      .get(PATH)
      .set('Authorization', NO_TOKEN)
      .set('If-None-Match', first.headers.etag);

    expect(first.headers['cache-control']).toBe('public, max-age=300');
    expect(first.headers.etag).toMatch(/^"[\w-]{27}"$/);
    expect(first.headers['access-control-allow-origin']).toBe('*');
    expect(first.headers['access-control-allow-credentials']).toBeUndefined();
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
  });

  it('limits requests per client address with a 429 in the shape of a Backstage error', async () => {
    const server = await startPublicBackend(2);

    const statuses = [];
    for (let i = 0; i < 3; i++) {
      statuses.push(
        (await request(server).get(PATH).set('Authorization', NO_TOKEN)).status,
      );
    }
    const limited = await request(server)
      .get(PATH)
      .set('Authorization', NO_TOKEN);

    expect(statuses).toEqual([200, 200, 429]);
    expect(limited.status).toBe(429);
    expect(limited.body.error).toEqual({
      name: 'TooManyRequestsError',
      message: expect.stringMatching(/^At most 2 requests a minute/),
    });
    expect(limited.headers.ratelimit).toBeDefined();
  });

  it('opens nothing else: the rest of the directory still needs sign-in', async () => {
    const server = await startPublicBackend();

    const res = await request(server)
      .get('/api/service-guidelines/fortroendevalda')
      .set('Authorization', NO_TOKEN);

    expect(res.status).toBe(401);
  });
});
