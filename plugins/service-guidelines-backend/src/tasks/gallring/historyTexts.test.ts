import { withoutFreeTexts } from './historyTexts';

describe('withoutFreeTexts', () => {
  it('marks the workflow texts as changed, keeping what the reports read', () => {
    const stored = JSON.stringify({
      status: { from: 'aterkopplad', to: 'avslutad' },
      closedDate: { to: '2026-03-12' },
      outcome: { to: 'Ringde Anna Kund och bad om ursäkt' },
      ledToImprovement: { to: true },
      improvementDescription: { to: 'Nya rutiner för skolskjuts' },
    });
    expect(JSON.parse(withoutFreeTexts(stored)!)).toEqual({
      status: { from: 'aterkopplad', to: 'avslutad' },
      closedDate: { to: '2026-03-12' },
      outcome: { changed: true },
      ledToImprovement: { to: true },
      improvementDescription: { to: 'Nya rutiner för skolskjuts' },
    });
  });

  it('drops the reason of a pause and of a reopening', () => {
    expect(
      JSON.parse(
        withoutFreeTexts(
          JSON.stringify({
            pause: { to: { from: '2026-03-05', reason: 'Anna är bortrest' } },
          }),
        )!,
      ),
    ).toEqual({ pause: { to: { from: '2026-03-05' } } });
    expect(
      JSON.parse(
        withoutFreeTexts(
          JSON.stringify({
            status: { from: 'avslutad', to: 'tilldelad' },
            reason: { to: 'Anna ringde igen' },
            utredning: { from: 'a', to: 'b' },
            aterkopplingSummary: { to: 'Hej Anna' },
          }),
        )!,
      ),
    ).toEqual({
      status: { from: 'avslutad', to: 'tilldelad' },
      reason: { changed: true },
      utredning: { changed: true },
      aterkopplingSummary: { changed: true },
    });
  });

  it('leaves an entry without free text, and one already cleared, alone', () => {
    expect(
      withoutFreeTexts(
        JSON.stringify({
          description: { changed: true },
          aterkopplingDate: { to: '2026-03-10' },
        }),
      ),
    ).toBeUndefined();
    const once = withoutFreeTexts(
      JSON.stringify({ outcome: { to: 'x' }, pause: { to: { reason: 'y' } } }),
    )!;
    expect(withoutFreeTexts(once)).toBeUndefined();
  });
});
