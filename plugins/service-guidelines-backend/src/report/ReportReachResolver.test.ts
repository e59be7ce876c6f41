import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Entity } from '@backstage/catalog-model';
import { ReportReachResolver } from './ReportReachResolver';

const roleGroup = (name: string, scope?: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: {
    name,
    namespace: 'default',
    ...(scope
      ? { annotations: { 'service-guidelines/report-scope': scope } }
      : {}),
  },
  spec: { type: 'roll', children: [] },
});

function resolverFor(ownership: string[]) {
  return new ReportReachResolver({
    userInfo: {
      getUserInfo: async () => ({
        userEntityRef: 'user:default/johan.strom',
        ownershipEntityRefs: ownership,
      }),
    },
    catalog: catalogServiceMock({
      entities: [
        roleGroup('ks-rapportlasare', 'group:default/varmdo-kommun'),
        roleGroup(
          'bun-rapportlasare',
          'group:default/barn-och-utbildningsnamnden',
        ),
        roleGroup('service-guidelines-admins'),
        roleGroup('utbildningsforvaltningen'),
      ],
    }),
    auth: mockServices.auth(),
  });
}

describe('ReportReachResolver', () => {
  const credentials = mockCredentials.user('user:default/johan.strom');

  it("limits a nämnd's report reader to the nämnd named on the role group", async () => {
    const reach = await resolverFor([
      'user:default/johan.strom',
      'group:default/utbildningsforvaltningen',
      'group:default/bun-rapportlasare',
    ]).reachOf(credentials);
    expect(reach).toEqual(['group:default/barn-och-utbildningsnamnden']);
  });

  it('joins the reach of several reader groups', async () => {
    const reach = await resolverFor([
      'group:default/bun-rapportlasare',
      'group:default/ks-rapportlasare',
    ]).reachOf(credentials);
    expect(reach).toEqual(
      expect.arrayContaining([
        'group:default/barn-och-utbildningsnamnden',
        'group:default/varmdo-kommun',
      ]),
    );
  });

  it('leaves an administrator (no scoped group) the whole organisation', async () => {
    expect(
      await resolverFor([
        'user:default/sara.ek',
        'group:default/service-guidelines-admins',
      ]).reachOf(credentials),
    ).toBe('all');
  });
});
