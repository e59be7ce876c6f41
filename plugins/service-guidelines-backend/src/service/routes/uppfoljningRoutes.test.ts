import { TestDatabaseId } from '@backstage/backend-test-utils';
import { createConfiguredTestDatabases } from '../../__testUtils__/databases';
import {
  aSynpunkt,
  startSynpunktBackend,
} from '../../__testUtils__/synpunktBackend';
import { withTodayAt } from '../../__testUtils__/fixedToday';

jest.setTimeout(120_000);

// The day after aSynpunkt's default arrival: its deadlines still run, the one of 2026-01-05 has
// passed, and the follow-up held on 2026-11-20 lies in the current quarter.
withTodayAt('2026-11-24T09:00:00Z');

const databases = createConfiguredTestDatabases();

const SKOLAN = 'group:default/skolan';
const anUppfoljning = (overrides: Record<string, unknown> = {}) => ({
  unitRef: SKOLAN,
  heldDate: '2026-11-20',
  participants: [
    { name: 'Maria Johansson', userRef: 'user:default/maria' },
    { name: 'Personalgruppen åk 4–6' },
  ],
  synpunktIds: [],
  conclusions: 'Skolskjutsen sviker på måndagar; vi tar det med transportören.',
  actions: [
    {
      description: 'Möte med transportören',
      responsible: 'Maria Johansson',
      dueDate: '2026-12-15',
    },
  ],
  ...overrides,
});

describe.each(databases.eachSupportedId())(
  'uppföljning API on %p',
  databaseId => {
    let backend: Awaited<ReturnType<typeof startSynpunktBackend>>;
    let overdue: { id: string };
    let atIfo: { id: string };

    beforeAll(async () => {
      const knex = await databases.init(databaseId as TestDatabaseId);
      backend = await startSynpunktBackend({ knex });
      const register = async (overrides: Record<string, unknown>) => {
        const res = await backend
          .as('erik')
          .post('/synpunkter', aSynpunkt(overrides));
        expect(res.status).toBe(201);
        return res.body;
      };
      overdue = await register({ receivedAt: '2026-01-05T10:00:00+01:00' });
      await register({ unitRef: 'group:default/grundskola', type: 'berom' });
      atIfo = await register({
        unitRef: 'group:default/ifo',
        area: 'socialtjanst',
      });
    });

    describe('Min uppföljning', () => {
      it("shows a förvaltningschef every unit below, as a tree, with counts over each unit's subtree", async () => {
        const res = await backend.as('lars').get('/uppfoljning/oversikt');
        expect(res.status).toBe(200);
        expect(
          res.body.units.map((u: { unitRef: string; depth: number }) => [
            u.unitRef,
            u.depth,
          ]),
        ).toEqual([
          ['group:default/utbildning', 0],
          ['group:default/grundskola', 1],
          [SKOLAN, 2],
        ]);
        const [utbildning, grundskola, skolan] = res.body.units;
        expect(skolan).toMatchObject({
          open: 1,
          overdue: 1,
          chefRef: 'user:default/maria',
        });
        expect(grundskola).toMatchObject({ open: 2, overdue: 1 });
        expect(utbildning).toMatchObject({ open: 2, overdue: 1 });
        expect(grundskola.receivedByType).toMatchObject({ berom: 1 });
        expect(res.body.dueWithinDays).toBe(3);
      });

      it('shows a chef of one enhet only that enhet, and someone who leads nothing nothing', async () => {
        const maria = await backend.as('maria').get('/uppfoljning/oversikt');
        expect(
          maria.body.units.map((u: { unitRef: string }) => u.unitRef),
        ).toEqual([SKOLAN]);
        const erik = await backend.as('erik').get('/uppfoljning/oversikt');
        expect(erik.status).toBe(200);
        expect(erik.body.units).toEqual([]);
      });

      it('refuses a period that ends before it begins, naming the field', async () => {
        const backwards = await backend
          .as('lars')
          .get('/uppfoljning/oversikt?from=2026-10-01&to=2026-09-01');
        expect(backwards.status).toBe(400);
        expect(backwards.body.error.message).toMatch(
          /to: must not be before from/,
        );
        const words = await backend
          .as('lars')
          .get('/uppfoljning/oversikt?dueWithinDays=x');
        expect(words.status).toBe(400);
        expect(words.body.error.message).toMatch(
          /dueWithinDays: must be a whole number of arbetsdagar/,
        );
      });
    });

    describe('uppföljningar', () => {
      it('records an uppföljning with discussed synpunkter and actions, readable by chefs above', async () => {
        const created = await backend
          .as('maria')
          .post('/uppfoljningar', anUppfoljning({ synpunktIds: [overdue.id] }));
        expect(created.status).toBe(201);
        expect(created.body).toMatchObject({
          unitRef: SKOLAN,
          recordedBy: 'user:default/maria',
          version: 1,
          editable: true,
          synpunkter: [{ id: overdue.id }],
          actions: [
            {
              description: 'Möte med transportören',
              responsible: 'Maria Johansson',
            },
          ],
        });
        expect(created.body.actions[0].id).toEqual(expect.any(String));

        const asLars = await backend
          .as('lars')
          .get(`/uppfoljningar?unit=${SKOLAN}`);
        expect(asLars.status).toBe(200);
        expect(asLars.body.items.map((u: { id: string }) => u.id)).toContain(
          created.body.id,
        );
        expect(asLars.body.items[0].editable).toBe(false);

        const overview = await backend.as('lars').get('/uppfoljning/oversikt');
        const skolan = overview.body.units.find(
          (u: { unitRef: string }) => u.unitRef === SKOLAN,
        );
        expect(skolan.lastFollowedUp).toBe('2026-11-20');
      });

      it("keeps another chef's units closed, on reading and on writing (403)", async () => {
        const created = await backend
          .as('maria')
          .post('/uppfoljningar', anUppfoljning());
        expect(
          (await backend.as('eva').get(`/uppfoljningar?unit=${SKOLAN}`)).status,
        ).toBe(403);
        expect(
          (await backend.as('eva').get(`/uppfoljningar/${created.body.id}`))
            .status,
        ).toBe(403);
        const foreign = await backend
          .as('maria')
          .post(
            '/uppfoljningar',
            anUppfoljning({ unitRef: 'group:default/ifo' }),
          );
        expect(foreign.status).toBe(403);
        expect(foreign.body.error.message).toMatch(
          /not chef of group:default\/ifo/,
        );
        // The chef above may read but not change what the unit's chef recorded.
        const byLars = await backend
          .as('lars')
          .put(`/uppfoljningar/${created.body.id}`, {
            ...anUppfoljning(),
            unitRef: undefined,
            version: 1,
          });
        expect(byLars.status).toBe(403);
      });

      it('refuses a synpunkt of another unit, a date to come and no participants, naming each field', async () => {
        const foreign = await backend
          .as('lars')
          .post('/uppfoljningar', anUppfoljning({ synpunktIds: [atIfo.id] }));
        expect(foreign.status).toBe(400);
        expect(foreign.body.error.fields).toEqual([
          {
            field: 'synpunktIds',
            message: expect.stringMatching(/not a synpunkt of this unit/),
          },
        ]);
        const future = await backend
          .as('maria')
          .post('/uppfoljningar', anUppfoljning({ heldDate: '2099-01-01' }));
        expect(future.status).toBe(400);
        expect(future.body.error.message).toMatch(
          /heldDate: 2099-01-01 is in the future/,
        );
        const empty = await backend
          .as('maria')
          .post(
            '/uppfoljningar',
            anUppfoljning({ participants: [], conclusions: '' }),
          );
        expect(empty.status).toBe(400);
        expect(
          empty.body.error.fields.map((f: { field: string }) => f.field).sort(),
        ).toEqual(['conclusions', 'participants']);
      });

      it('marks an action carried out, and answers a stale change with 409 and the current record', async () => {
        const created = (
          await backend.as('maria').post('/uppfoljningar', anUppfoljning())
        ).body;
        const { unitRef: _unit, ...fields } = anUppfoljning();
        const done = await backend
          .as('maria')
          .put(`/uppfoljningar/${created.id}`, {
            ...fields,
            version: 1,
            actions: [{ ...created.actions[0], doneDate: '2026-11-23' }],
          });
        expect(done.status).toBe(200);
        expect(done.body.version).toBe(2);
        expect(done.body.actions).toEqual([
          { ...created.actions[0], doneDate: '2026-11-23' },
        ]);

        const stale = await backend
          .as('maria')
          .put(`/uppfoljningar/${created.id}`, {
            ...fields,
            version: 1,
            conclusions: 'Något annat',
          });
        expect(stale.status).toBe(409);
        expect(stale.body.error.current.actions[0].doneDate).toBe('2026-11-23');
        const kept = await backend
          .as('maria')
          .get(`/uppfoljningar/${created.id}`);
        expect(kept.body.conclusions).toBe(fields.conclusions);
      });

      it('answers 404 for an uppföljning that does not exist', async () => {
        const res = await backend
          .as('maria')
          .get('/uppfoljningar/00000000-0000-4000-8000-000000000000');
        expect(res.status).toBe(404);
      });
    });
  },
);
