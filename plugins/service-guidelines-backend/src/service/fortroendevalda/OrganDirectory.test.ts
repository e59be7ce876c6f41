import { mockServices } from '@backstage/backend-test-utils';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { FortroendevaldStore } from '../../database/FortroendevaldStore';
import { OrganDirectory } from './OrganDirectory';

const kommunfullmaktige = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'kommunfullmaktige', namespace: 'default' },
  spec: { type: 'fullmäktige', profile: { displayName: 'Kommunfullmäktige' } },
};

function directoryWith(catalogAnswers: Array<unknown[]>) {
  const getEntities = jest.fn();
  for (const items of catalogAnswers) {
    getEntities.mockResolvedValueOnce({ items });
  }
  const store = {
    facets: async () => ({
      organs: ['Kommunfullmäktige'],
      parties: [],
      roles: [],
    }),
  } as unknown as FortroendevaldStore;
  const directory = new OrganDirectory({
    catalog: { getEntities } as unknown as CatalogService,
    auth: mockServices.auth(),
    store,
    logger: mockServices.logger.mock(),
    organTypes: ['fullmäktige'],
    now: () => 1_000,
  });
  return { directory, getEntities };
}

describe('OrganDirectory', () => {
  it('links an organ to its catalog Group by display name', async () => {
    const { directory } = directoryWith([[kommunfullmaktige]]);
    const index = await directory.index();
    expect(index.find('kommunfullmäktige')?.ref).toBe(
      'group:default/kommunfullmaktige',
    );
  });

  it('asks the catalog again while it has no organs yet, instead of keeping that answer', async () => {
    // Right after start-up the catalog has not read the organisation: the directory must not
    // stay unlinked for the cache period.
    const { directory, getEntities } = directoryWith([[], [kommunfullmaktige]]);
    expect(
      (await directory.index()).find('Kommunfullmäktige')?.ref,
    ).toBeUndefined();
    expect((await directory.index()).find('Kommunfullmäktige')?.ref).toBe(
      'group:default/kommunfullmaktige',
    );
    expect(getEntities).toHaveBeenCalledTimes(2);
  });

  it('keeps a non-empty answer for the cache period', async () => {
    const { directory, getEntities } = directoryWith([[kommunfullmaktige], []]);
    await directory.index();
    await directory.index();
    expect(getEntities).toHaveBeenCalledTimes(1);
  });
});
