import { ConfigReader } from '@backstage/config';
import { DEFAULT_AREAS, DEFAULT_GUIDANCE } from './defaults';
import { readRegistrySettings } from './settings';

const read = (synpunkter: object) =>
  readRegistrySettings(new ConfigReader({ serviceGuidelines: { synpunkter } }));

describe('readRegistrySettings', () => {
  it("gives Värmdö's values when nothing is configured", () => {
    expect(readRegistrySettings(new ConfigReader({}))).toEqual({
      numberPrefix: 'SYN',
      areas: DEFAULT_AREAS,
      guidance: DEFAULT_GUIDANCE,
      registrableUnitTypes: ['nämnd', 'förvaltning', 'enhet'],
    });
  });

  it('takes configured areas and guidance, keeping defaults for the rest of the guidance', () => {
    const settings = read({
      numberPrefix: 'KLAG',
      areas: [
        { id: 'skola', title: 'Skola', legalDuty: true },
        { id: 'annat', title: 'Annat' },
      ],
      guidance: { felanmalan: 'Ring 08-570 470 00.' },
    });
    expect(settings.numberPrefix).toBe('KLAG');
    expect(settings.areas).toEqual([
      { id: 'skola', title: 'Skola', legalDuty: true },
      { id: 'annat', title: 'Annat', legalDuty: false },
    ]);
    expect(settings.guidance.felanmalan).toBe('Ring 08-570 470 00.');
    expect(settings.guidance.fraga).toBe(DEFAULT_GUIDANCE.fraga);
  });

  it.each([
    [{ numberPrefix: 'syn-' }, /serviceGuidelines\.synpunkter\.numberPrefix/],
    [
      { areas: [] },
      /serviceGuidelines\.synpunkter\.areas: must list at least one/,
    ],
    [
      { areas: [{ id: 'Skola!', title: 'Skola' }] },
      /serviceGuidelines\.synpunkter\.areas\[0\]\.id/,
    ],
    [
      {
        areas: [
          { id: 'a', title: 'A' },
          { id: 'a', title: 'B' },
        ],
      },
      /the id 'a' is used twice/,
    ],
  ])('refuses %p naming the key', (synpunkter, message) => {
    expect(() => read(synpunkter)).toThrow(message);
  });
});
