import { TestDatabaseId } from '@backstage/backend-test-utils';
import { createConfiguredTestDatabases } from '../../__testUtils__/databases';
import {
  aSynpunkt,
  startSynpunktBackend,
} from '../../__testUtils__/synpunktBackend';

jest.setTimeout(120_000);

const databases = createConfiguredTestDatabases();

describe.each(databases.eachSupportedId())('synpunkt API on %p', databaseId => {
  let backend: Awaited<ReturnType<typeof startSynpunktBackend>>;

  beforeAll(async () => {
    const knex = await databases.init(databaseId as TestDatabaseId);
    backend = await startSynpunktBackend({ knex });
  });

  async function register(
    user = 'erik',
    overrides: Record<string, unknown> = {},
  ) {
    const res = await backend
      .as(user)
      .post('/synpunkter', aSynpunkt(overrides));
    expect(res.status).toBe(201);
    return res.body;
  }

  describe('registration', () => {
    it('registers a klagomål by e-mail with number, arrival day and both deadlines', async () => {
      const res = await backend.as('erik').post('/synpunkter', aSynpunkt());

      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        registrationNumber: expect.stringMatching(/^SYN-\d{4}-\d{5}$/),
        type: 'klagomal',
        channel: 'epost',
        receivedAt: '2026-11-23T08:00:00.000Z',
        receivedDate: '2026-11-23',
        arrivalDate: '2026-11-23',
        registeredBy: 'user:default/erik',
        unitRef: 'group:default/skolan',
        legalDuty: true,
        status: 'registrerad',
        // Monday + 2 arbetsdagar = Wednesday; + 10 = Monday two weeks later.
        forstaSvar: { due: '2026-11-25' },
        aterkopplingDue: '2026-12-07',
        aterkopplingDays: 10,
        contact: { name: 'Anna Kund', email: 'anna.kund@example.se' },
        version: 1,
      });
    });

    it('gives each synpunkt an id that begins with the time it was registered', async () => {
      const first = await register();
      await new Promise(resolve => setTimeout(resolve, 5));
      const second = await register();
      for (const body of [first, second]) {
        const millis = parseInt(body.id.replace(/-/g, '').slice(0, 12), 16);
        expect(millis).toBe(Date.parse(body.registeredAt));
      }
      expect(second.id > first.id).toBe(true);
    });

    it('records första svar at once for a telephone call', async () => {
      const body = await register('erik', { channel: 'telefon' });
      expect(body.forstaSvar).toEqual({
        due: '2026-11-23',
        date: '2026-11-23',
      });
    });

    it('counts a matter that arrives after 16:00 on a Friday from Monday', async () => {
      const body = await register('erik', {
        receivedAt: '2026-11-20T16:30:00+01:00',
      });
      expect(body.receivedDate).toBe('2026-11-20');
      expect(body.arrivalDate).toBe('2026-11-23');
      expect(body.forstaSvar.due).toBe('2026-11-25');
    });

    it('counts around the Christmas holidays', async () => {
      // Tuesday 23 Dec 2025: julafton, juldagen, annandag jul and the weekend do not count.
      // Two arbetsdagar: Monday 29 and Tuesday 30 December.
      const body = await register('erik', {
        receivedAt: '2025-12-23T10:00:00+01:00',
      });
      expect(body.forstaSvar.due).toBe('2025-12-30');
      // Ten: 29, 30 Dec, 2, 5, 7, 8, 9, 12, 13, 14 Jan (nyårsafton, nyårsdagen and
      // trettondedag jul on 6 January do not count).
      expect(body.aterkopplingDue).toBe('2026-01-14');
    });

    it('registers an anonymous synpunkt with no återkoppling clock', async () => {
      const body = await register('erik', {
        anonymous: true,
        contact: undefined,
        type: 'berom',
      });
      expect(body.anonymous).toBe(true);
      expect(body.contact).toBeUndefined();
      expect(body.forstaSvar).toBeUndefined();
      expect(body.aterkopplingDue).toBeUndefined();
    });

    it.each([
      ['fraga', /fråga/],
      ['felanmalan', /felanmälan/],
      ['skadeanssprak', /skadeanspråk/],
      ['overklagande', /överklagande/],
      ['fortroendevald', /förtroendevald/],
    ])(
      'refuses a %s with guidance on where it goes',
      async (type, guidance) => {
        const res = await backend
          .as('erik')
          .post('/synpunkter', { type, description: '' });
        expect(res.status).toBe(400);
        expect(res.body.error.name).toBe('InputError');
        expect(res.body.error.message).toMatch(/is not a synpunkt/);
        expect(res.body.error.message).toMatch(guidance);
      },
    );

    it.each([
      ['channel', { channel: 'fax' }, /must be one of/],
      ['unitRef', { unitRef: 'skolan' }, /group entity ref/],
      ['description', { description: '   ' }, /must not be empty/],
      ['description', { description: 'x'.repeat(10_001) }, /at most 10000/],
      [
        'contact.email',
        { contact: { email: 'not-an-address' } },
        /e-mail address/,
      ],
      ['contact', { contact: { name: 'Only a name' } }, /for återkoppling/],
      ['contact', { anonymous: true }, /anonymous/],
      ['anonymous', { anonymous: undefined }, /is required/],
      ['receivedAt', { receivedAt: 'yesterday' }, /ISO 8601/],
      ['(body)', { unexpected: 1 }, /unrecognized|Unrecognized/],
    ])(
      'answers 400 naming the field (case %#: %s)',
      async (field, overrides, message) => {
        const res = await backend
          .as('erik')
          .post('/synpunkter', aSynpunkt(overrides));
        expect(res.status).toBe(400);
        const fieldError = res.body.error.fields.find(
          (f: { field: string }) => f.field === field,
        );
        expect(fieldError?.message).toMatch(message);
        expect(res.body.error.message).toContain(field);
      },
    );

    it('refuses a unit that is not in the organisation, or not a unit a synpunkt can concern', async () => {
      const unknown = await backend
        .as('erik')
        .post('/synpunkter', aSynpunkt({ unitRef: 'group:default/nowhere' }));
      expect(unknown.status).toBe(400);
      expect(unknown.body.error.message).toMatch(/unitRef: .* is not a unit/);

      const kommun = await backend
        .as('erik')
        .post('/synpunkter', aSynpunkt({ unitRef: 'group:default/kommunen' }));
      expect(kommun.status).toBe(400);
      expect(kommun.body.error.message).toMatch(
        /unitRef: kommunen is of type kommun/,
      );
    });

    it('refuses an unknown area, a future receipt and an unknown handläggare', async () => {
      const area = await backend
        .as('erik')
        .post('/synpunkter', aSynpunkt({ area: 'rymden' }));
      expect(area.body.error.message).toMatch(
        /area: 'rymden' is not a configured area/,
      );

      const future = await backend
        .as('erik')
        .post('/synpunkter', aSynpunkt({ receivedAt: '2999-01-01T10:00:00Z' }));
      expect(future.status).toBe(400);
      expect(future.body.error.message).toMatch(
        /receivedAt: lies in the future/,
      );

      const handlaggare = await backend
        .as('erik')
        .post(
          '/synpunkter',
          aSynpunkt({ handlaggareRef: 'user:default/nobody' }),
        );
      expect(handlaggare.status).toBe(400);
      expect(handlaggare.body.error.message).toMatch(/handlaggareRef/);
    });

    it('gives unique, gapless registration numbers to concurrent registrations', async () => {
      const results = await Promise.all(
        Array.from({ length: 20 }, () =>
          backend.as('erik').post('/synpunkter', aSynpunkt()),
        ),
      );
      expect(results.map(r => r.status)).toEqual(Array(20).fill(201));
      const sequences = results
        .map(r => Number(r.body.registrationNumber.split('-')[2]))
        .sort((a, b) => a - b);
      expect(new Set(sequences).size).toBe(20);
      expect(sequences[19] - sequences[0]).toBe(19);
    });

    it('refuses a request without a signed-in user', async () => {
      const res = await backend
        .as('erik')
        .post('/synpunkter', aSynpunkt())
        .set('Authorization', 'Bearer not-a-token');
      expect(res.status).toBe(401);
    });
  });

  describe('who sees what', () => {
    let id: string;
    beforeAll(async () => {
      id = (await register('erik')).id;
    });

    it('shows personal data to the chef of the unit and the chefs above it (CONDITIONAL, allowed)', async () => {
      for (const chef of ['maria', 'jonas', 'lars']) {
        const res = await backend.as(chef).get(`/synpunkter/${id}`);
        expect(res.status).toBe(200);
        expect(res.body.personalDataVisible).toBe(true);
        expect(res.body.contact.email).toBe('anna.kund@example.se');
      }
    });

    it('shows the registering employee the synpunkt without contact details', async () => {
      const res = await backend.as('erik').get(`/synpunkter/${id}`);
      expect(res.status).toBe(200);
      expect(res.body.personalDataVisible).toBe(false);
      expect(res.body.contact).toBeUndefined();
      expect(JSON.stringify(res.body)).not.toContain('anna.kund@example.se');
    });

    it('refuses a chef of another förvaltning (CONDITIONAL, not matched) with 403', async () => {
      for (const other of ['eva', 'hanna', 'ahmed']) {
        const res = await backend.as(other).get(`/synpunkter/${id}`);
        expect(res.status).toBe(403);
        expect(JSON.stringify(res.body)).not.toContain('anna.kund@example.se');
      }
    });

    it('lets an administrator read everything (ALLOW)', async () => {
      const res = await backend.as('sara').get(`/synpunkter/${id}`);
      expect(res.status).toBe(200);
      expect(res.body.contact.email).toBe('anna.kund@example.se');
    });

    it('answers 404 for an id that does not exist', async () => {
      const res = await backend
        .as('sara')
        .get('/synpunkter/00000000-0000-0000-0000-000000000000');
      expect(res.status).toBe(404);
      expect(res.body.error.name).toBe('NotFoundError');
    });

    it('writes every read of personal data to the audit log, with who and which', async () => {
      backend.auditor.createEvent.mockClear();
      await backend.as('maria').get(`/synpunkter/${id}`);
      expect(backend.auditor.createEvent).toHaveBeenCalledWith(
        expect.objectContaining({
          eventId: 'synpunkt-personal-data-read',
          meta: expect.objectContaining({
            actor: 'user:default/maria',
            synpunkter: [expect.stringMatching(/^SYN-/)],
          }),
        }),
      );

      backend.auditor.createEvent.mockClear();
      await backend.as('erik').get(`/synpunkter/${id}`);
      expect(backend.auditor.createEvent).not.toHaveBeenCalled();
    });

    it('filters lists in SQL by the same rules, and hides sekretess text from others', async () => {
      const secret = await register('erik', {
        sekretess: true,
        description: 'Hemlig uppgift om en elev',
        unitRef: 'group:default/ifo',
        area: 'socialtjanst',
      });
      const hanna = await backend.as('hanna').get('/synpunkter?limit=200');
      expect(hanna.body.items.map((s: { id: string }) => s.id)).toContain(
        secret.id,
      );
      expect(hanna.body.items.map((s: { id: string }) => s.id)).not.toContain(
        id,
      );

      const erikView = await backend.as('erik').get(`/synpunkter/${secret.id}`);
      expect(erikView.body.description).toBeUndefined();
      const hannaView = await backend
        .as('hanna')
        .get(`/synpunkter/${secret.id}`);
      expect(hannaView.body.description).toBe('Hemlig uppgift om en elev');

      const search = await backend.as('sara').get('/synpunkter?q=hemlig');
      expect(search.body.items).toEqual([]);
    });
  });

  describe('workflow', () => {
    it('takes a klagomål in a legal-duty area from registered to closed, with history', async () => {
      // Monday 16 November 2026: återkoppling due ten arbetsdagar later, on 30 November.
      const s = await register('erik', {
        receivedAt: '2026-11-16T10:00:00+01:00',
      });
      expect(s.aterkopplingDue).toBe('2026-11-30');
      const maria = backend.as('maria');

      const assigned = await maria.post(`/synpunkter/${s.id}/assign`, {
        version: 1,
        handlaggareRef: 'user:default/maria',
      });
      expect(assigned.status).toBe(200);
      expect(assigned.body.status).toBe('tilldelad');

      const paused = await maria.post(`/synpunkter/${s.id}/pause`, {
        version: 2,
        reason: 'Väntar på kompletterande uppgifter',
        from: '2026-11-17',
      });
      expect(paused.status).toBe(200);
      const resumed = await maria.post(`/synpunkter/${s.id}/resume`, {
        version: 3,
        to: '2026-11-19',
      });
      expect(resumed.status).toBe(200);
      // Paused the arbetsdagar 18 and 19 November: two arbetsdagar later, 2 December.
      expect(resumed.body.aterkopplingDue).toBe('2026-12-02');
      expect(resumed.body.pauses).toEqual([
        expect.objectContaining({ from: '2026-11-17', to: '2026-11-19' }),
      ]);

      const answered = await maria.post(`/synpunkter/${s.id}/aterkoppling`, {
        version: 4,
        method: 'telefon',
        summary: 'Ringde och förklarade vad som hänt.',
      });
      expect(answered.status).toBe(200);
      expect(answered.body.status).toBe('aterkopplad');

      const tooEarly = await maria.post(`/synpunkter/${s.id}/close`, {
        version: 5,
        outcome: 'Åtgärdat',
        ledToImprovement: false,
      });
      expect(tooEarly.status).toBe(400);
      expect(tooEarly.body.error.message).toMatch(/utredning/);

      await maria
        .post(`/synpunkter/${s.id}/utredning`, {
          version: 5,
          text: 'Utrett med transportören.',
        })
        .expect(200);
      const closed = await maria.post(`/synpunkter/${s.id}/close`, {
        version: 6,
        outcome: 'Ny rutin med transportören.',
        ledToImprovement: true,
        improvementDescription: 'Föräldrar får sms när en tur ställs in.',
      });
      expect(closed.status).toBe(200);
      expect(closed.body.status).toBe('avslutad');
      expect(closed.body.closed).toMatchObject({ ledToImprovement: true });

      const full = await maria.get(`/synpunkter/${s.id}`);
      expect(full.body.history.map((h: { kind: string }) => h.kind)).toEqual([
        'registrerad',
        'tilldelad',
        'pausad',
        'aterupptagen',
        'aterkopplad',
        'utredning',
        'avslutad',
      ]);
      expect(full.body.history[1]).toMatchObject({
        actorRef: 'user:default/maria',
        changes: {
          handlaggareRef: { to: 'user:default/maria' },
          status: { from: 'registrerad', to: 'tilldelad' },
        },
      });

      const reopened = await maria.post(`/synpunkter/${s.id}/reopen`, {
        version: 7,
        reason: 'Kunden hörde av sig igen',
      });
      expect(reopened.body.status).toBe('tilldelad');
      expect(reopened.body.closed).toBeUndefined();
    });

    it('refuses återkoppling to an anonymous synpunkt', async () => {
      const s = await register('erik', { anonymous: true, contact: undefined });
      await backend
        .as('maria')
        .post(`/synpunkter/${s.id}/assign`, {
          version: 1,
          handlaggareRef: 'user:default/maria',
        })
        .expect(200);
      const res = await backend
        .as('maria')
        .post(`/synpunkter/${s.id}/aterkoppling`, {
          version: 2,
          method: 'epost',
          summary: 'Tack',
        });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(
        /anonymous synpunkt cannot be given återkoppling/,
      );
    });

    it.each([
      ['utredning', { text: 'x' }, /assign a handläggare/],
      [
        'aterkoppling',
        { method: 'epost', summary: 'x' },
        /assign a handläggare/,
      ],
      [
        'close',
        { outcome: 'x', ledToImprovement: false },
        /assign a handläggare/,
      ],
      ['reopen', { reason: 'x' }, /only a closed synpunkt can be reopened/],
      ['resume', {}, /not paused/],
    ])(
      'refuses %s on a registered synpunkt, saying why',
      async (action, body, message) => {
        const s = await register('erik');
        const res = await backend
          .as('maria')
          .post(`/synpunkter/${s.id}/${action}`, { version: 1, ...body });
        expect(res.status).toBe(400);
        expect(res.body.error.message).toMatch(message);
        const unchanged = await backend.as('maria').get(`/synpunkter/${s.id}`);
        expect(unchanged.body.version).toBe(1);
        expect(unchanged.body.history).toHaveLength(1);
      },
    );

    it('refuses closing with improvement but no description, and a second pause', async () => {
      const s = await register('erik', { area: 'ovrigt', type: 'forslag' });
      const maria = backend.as('maria');
      await maria
        .post(`/synpunkter/${s.id}/pause`, { version: 1, reason: 'Väntar' })
        .expect(200);
      const again = await maria.post(`/synpunkter/${s.id}/pause`, {
        version: 2,
        reason: 'Igen',
      });
      expect(again.body.error.message).toMatch(/already paused/);
      const close = await maria.post(`/synpunkter/${s.id}/close`, {
        version: 2,
        outcome: 'x',
        ledToImprovement: true,
      });
      expect(close.status).toBe(400);
      expect(close.body.error.fields).toEqual([
        expect.objectContaining({ field: 'improvementDescription' }),
      ]);
    });

    it('answers a stale change with 409 and the current state, and keeps the other change', async () => {
      const s = await register('erik');
      const [first, second] = await Promise.all([
        backend.as('maria').patch(`/synpunkter/${s.id}`, {
          version: 1,
          area: 'ovrigt',
        }),
        backend.as('lars').patch(`/synpunkter/${s.id}`, {
          version: 1,
          area: 'bemotande',
        }),
      ]);
      const statuses = [first.status, second.status].sort();
      expect(statuses).toEqual([200, 409]);
      const loser = first.status === 409 ? first : second;
      const winner = first.status === 200 ? first : second;
      expect(loser.body.error.name).toBe('ConflictError');
      expect(loser.body.error.current).toMatchObject({
        version: 2,
        area: winner.body.area,
      });
      const now = await backend.as('maria').get(`/synpunkter/${s.id}`);
      expect(now.body.area).toBe(winner.body.area);
      expect(now.body.version).toBe(2);
    });

    it('refuses handling to the registering employee (DENY by condition) with 403', async () => {
      const s = await register('erik');
      const res = await backend.as('erik').post(`/synpunkter/${s.id}/assign`, {
        version: 1,
        handlaggareRef: 'user:default/erik',
      });
      expect(res.status).toBe(403);
    });

    it('lets a handläggare in another unit handle what is assigned to them', async () => {
      const s = await register('erik');
      await backend
        .as('maria')
        .post(`/synpunkter/${s.id}/assign`, {
          version: 1,
          handlaggareRef: 'user:default/ahmed',
        })
        .expect(200);
      const res = await backend
        .as('ahmed')
        .post(`/synpunkter/${s.id}/utredning`, {
          version: 2,
          text: 'Jag har tittat på det.',
        });
      expect(res.status).toBe(200);
      expect(res.body.contact.email).toBe('anna.kund@example.se');
    });
  });

  describe('list', () => {
    it('filters by unit including the units below, and pages with a cursor', async () => {
      const created = [];
      for (let i = 0; i < 5; i++) {
        created.push(await register('erik', { area: 'kultur-fritid' }));
      }
      const ids = new Set(created.map(c => c.id));
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const res = await backend
          .as('lars')
          .get(
            `/synpunkter?unit=group:default/utbildning&area=kultur-fritid&limit=2${
              cursor ? `&cursor=${cursor}` : ''
            }`,
          );
        expect(res.status).toBe(200);
        expect(res.body.items.length).toBeLessThanOrEqual(2);
        seen.push(...res.body.items.map((s: { id: string }) => s.id));
        cursor = res.body.nextCursor;
      } while (cursor);
      expect(seen.filter(id => ids.has(id))).toHaveLength(5);
      expect(new Set(seen).size).toBe(seen.length);
    });

    it.each([
      ['due', 'aterkopplingDue', 'asc'],
      ['-due', 'aterkopplingDue', 'desc'],
      ['received', 'receivedAt', 'asc'],
      ['-received', 'receivedAt', 'desc'],
      ['registered', 'registeredAt', 'asc'],
    ] as const)(
      'sorts by %p across pages, without a deadline counted as the latest',
      async (sort, field, direction) => {
        const receivedAts = [
          '2026-11-02T09:00:00+01:00',
          '2026-10-05T09:00:00+02:00',
          '2026-11-16T09:00:00+01:00',
          '2026-09-14T09:00:00+02:00',
        ];
        for (const receivedAt of receivedAts) {
          await register('erik', { area: 'gator-trafik', receivedAt });
        }
        await register('erik', {
          area: 'gator-trafik',
          receivedAt: '2026-10-19T09:00:00+02:00',
          anonymous: true,
          contact: undefined,
        });
        const seen: Array<Record<string, string | undefined>> = [];
        let cursor: string | undefined;
        do {
          const res = await backend
            .as('sara')
            .get(
              `/synpunkter?area=gator-trafik&sort=${sort}&limit=2${
                cursor ? `&cursor=${cursor}` : ''
              }`,
            );
          expect(res.status).toBe(200);
          seen.push(...res.body.items);
          cursor = res.body.nextCursor;
        } while (cursor);
        const keys = seen.map(s => s[field] ?? '9999-12-31');
        const expected = [...keys].sort();
        expect(keys).toEqual(
          direction === 'asc' ? expected : expected.reverse(),
        );
        expect(new Set(seen.map(s => s.id)).size).toBe(seen.length);
        expect(seen.length % 5).toBe(0);
      },
    );

    it('refuses an unknown order, and a cursor of another order', async () => {
      const bad = await backend.as('sara').get('/synpunkter?sort=priority');
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toMatch(/sort/);
      await register('erik', { area: 'gator-trafik' });
      await register('erik', { area: 'gator-trafik' });
      const first = await backend
        .as('sara')
        .get('/synpunkter?area=gator-trafik&sort=due&limit=1')
        .expect(200);
      const mixed = await backend
        .as('sara')
        .get(
          `/synpunkter?area=gator-trafik&sort=received&cursor=${first.body.nextCursor}`,
        );
      expect(mixed.status).toBe(400);
      expect(mixed.body.error.message).toMatch(
        /cursor: belongs to the order "due"/,
      );
    });

    it('answers 400 for a bad filter or a forged cursor', async () => {
      const bad = await backend
        .as('lars')
        .get('/synpunkter?status=open&limit=0');
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toMatch(/status/);
      expect(bad.body.error.message).toMatch(/limit/);
      const cursor = await backend.as('lars').get('/synpunkter?cursor=abc');
      expect(cursor.status).toBe(400);
      expect(cursor.body.error.message).toMatch(/cursor/);
    });

    it('finds overdue synpunkter and leaves out those whose clock is paused', async () => {
      const overdue = await register('erik', {
        receivedAt: '2026-01-05T10:00:00+01:00',
        area: 'vatten-avfall',
      });
      const paused = await register('erik', {
        receivedAt: '2026-01-05T10:00:00+01:00',
        area: 'vatten-avfall',
      });
      await backend
        .as('maria')
        .post(`/synpunkter/${paused.id}/pause`, {
          version: 1,
          reason: 'Väntar',
        })
        .expect(200);
      const res = await backend
        .as('sara')
        .get('/synpunkter?overdue=true&area=vatten-avfall');
      const ids = res.body.items.map((s: { id: string }) => s.id);
      expect(ids).toContain(overdue.id);
      expect(ids).not.toContain(paused.id);
    });
  });

  describe('svarsmallar', () => {
    it('keeps templates per unit, with the units above, and refuses stale edits', async () => {
      const created = await backend.as('lars').post('/svarsmallar', {
        unitRef: 'group:default/utbildning',
        title: 'Tack för din synpunkt',
        body: 'Hej! Tack för att du hörde av dig.',
      });
      expect(created.status).toBe(201);
      const forSkolan = await backend
        .as('maria')
        .get('/svarsmallar?unit=group:default/skolan');
      expect(forSkolan.body.items.map((m: { id: string }) => m.id)).toContain(
        created.body.id,
      );
      const updated = await backend
        .as('lars')
        .put(`/svarsmallar/${created.body.id}`, { version: 1, title: 'Tack!' });
      expect(updated.body).toMatchObject({ title: 'Tack!', version: 2 });
      const stale = await backend
        .as('lars')
        .put(`/svarsmallar/${created.body.id}`, {
          version: 1,
          title: 'Gammal',
        });
      expect(stale.status).toBe(409);
      await backend
        .as('lars')
        .delete(`/svarsmallar/${created.body.id}`)
        .expect(204);
      await backend
        .as('lars')
        .delete(`/svarsmallar/${created.body.id}`)
        .expect(404);
    });

    it('answers 400 for a template without a body', async () => {
      const res = await backend.as('lars').post('/svarsmallar', {
        unitRef: 'group:default/utbildning',
        title: 'Tom',
      });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/body: is required/);
    });
  });
});
