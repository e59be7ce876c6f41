import { Entity } from '@backstage/catalog-model';

function group(
  name: string,
  type: string,
  parent?: string,
  chef?: string,
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: {
      name,
      namespace: 'default',
      ...(chef
        ? { annotations: { 'service-guidelines/chef': `user:default/${chef}` } }
        : {}),
    },
    spec: {
      type,
      ...(parent ? { parent } : {}),
      profile: { displayName: name },
      children: [],
    },
  };
}

/** A role group outside the tree whose report readers reach the given unit and those below. */
function reportReaderGroup(name: string, scope: string): Entity {
  const entity = group(name, 'roll');
  entity.metadata.annotations = {
    'service-guidelines/report-scope': `group:default/${scope}`,
  };
  return entity;
}

function user(name: string, memberOf: string[]): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name, namespace: 'default' },
    spec: { memberOf },
  };
}

/**
 * A small municipality for tests, nested four levels deep under the kommun:
 *
 * ```
 * kommunen (kommun)
 * ├ bun (nämnd) → utbildning (förvaltning, chef lars) → grundskola (enhet, chef jonas)
 * │                                                      └ skolan (enhet, chef maria)
 * ├ soc (nämnd) → socialforvaltningen (förvaltning, chef eva) → ifo (enhet, chef hanna)
 * └ ks (nämnd) → klf (förvaltning, chef anna) → kontaktcenter (enhet, chef peter)
 * ```
 * Employees: erik (kontaktcenter), ahmed (ifo), sara (administrator), karin (report reader of
 * the whole organisation), klara (kommunstyrelsens report reader, reaching from the kommun down)
 * and nils (barn- och utbildningsnämndens report reader, reaching bun and below).
 */
export const testOrganisation: Entity[] = [
  group('kommunen', 'kommun'),
  group('bun', 'nämnd', 'kommunen'),
  group('utbildning', 'förvaltning', 'bun', 'lars'),
  group('grundskola', 'enhet', 'utbildning', 'jonas'),
  group('skolan', 'enhet', 'grundskola', 'maria'),
  group('soc', 'nämnd', 'kommunen'),
  group('socialforvaltningen', 'förvaltning', 'soc', 'eva'),
  group('ifo', 'enhet', 'socialforvaltningen', 'hanna'),
  group('ks', 'nämnd', 'kommunen'),
  group('klf', 'förvaltning', 'ks', 'anna'),
  group('kontaktcenter', 'enhet', 'klf', 'peter'),
  group('admins', 'roll'),
  group('rapportlasare', 'roll'),
  reportReaderGroup('ks-rapportlasare', 'kommunen'),
  reportReaderGroup('bun-rapportlasare', 'bun'),
  user('lars', ['utbildning']),
  user('jonas', ['grundskola']),
  user('maria', ['skolan']),
  user('eva', ['socialforvaltningen']),
  user('hanna', ['ifo']),
  user('anna', ['klf']),
  user('peter', ['kontaktcenter']),
  user('erik', ['kontaktcenter']),
  user('ahmed', ['ifo']),
  user('sara', ['admins']),
  user('karin', ['rapportlasare']),
  user('klara', ['ks-rapportlasare']),
  user('nils', ['bun-rapportlasare']),
];

/** The ownership refs the sign-in resolver would give each test user: themselves and their groups. */
export function ownershipOf(userName: string): string[] {
  const entity = testOrganisation.find(
    e => e.kind === 'User' && e.metadata.name === userName,
  );
  const groups = ((entity?.spec?.memberOf as string[] | undefined) ?? []).map(
    g => `group:default/${g}`,
  );
  return [`user:default/${userName}`, ...groups];
}
