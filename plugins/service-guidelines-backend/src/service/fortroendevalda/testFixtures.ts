import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';

/** The demo directory of examples/org, as the seed and the browser tests use it. */
export const DEMO_CSV_PATH = resolvePackagePath(
  '@service-guidelines/plugin-service-guidelines-backend',
  '../../examples/org/fortroendevalda.csv',
);

const group = (name: string, displayName: string, type: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default' },
  spec: { type, profile: { displayName }, children: [] },
});

/**
 * The political organs of the demo organisation as catalog Groups, and one unit of the
 * administration that is not an organ (an uppdrag cannot be in it).
 */
export function demoOrganGroups(): Entity[] {
  return [
    group('kommunfullmaktige', 'Kommunfullmäktige', 'fullmäktige'),
    group('kommunstyrelsen', 'Kommunstyrelsen', 'nämnd'),
    group(
      'barn-och-utbildningsnamnden',
      'Barn- och utbildningsnämnden',
      'nämnd',
    ),
    group('socialnamnden', 'Socialnämnden', 'nämnd'),
    group(
      'bygg-miljo-och-halsoskyddsnamnden',
      'Bygg-, miljö- och hälsoskyddsnämnden',
      'nämnd',
    ),
    group('kultur-och-fritidsnamnden', 'Kultur- och fritidsnämnden', 'nämnd'),
    group('tekniska-namnden', 'Tekniska nämnden', 'nämnd'),
    group('kontaktcenter', 'Kontaktcenter', 'enhet'),
  ];
}
