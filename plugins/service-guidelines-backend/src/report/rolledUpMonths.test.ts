import { rolledUpMonths } from './rolledUpMonths';

describe('rolledUpMonths', () => {
  it('reads the whole months of an ended helår up to the one before its last', () => {
    // December's facts may settle in January, after the cutoff.
    expect(
      rolledUpMonths({
        from: '2025-01-01',
        to: '2025-12-31',
        cutoff: '2025-12-31',
      }),
    ).toEqual({ from: '2025-01', to: '2025-11' });
  });

  it('reads every whole month of a period whose cutoff came long after it', () => {
    expect(
      rolledUpMonths({
        from: '2024-01-01',
        to: '2024-08-31',
        cutoff: '2025-12-31',
      }),
    ).toEqual({ from: '2024-01', to: '2024-08' });
  });

  it('leaves out the partial months at both ends', () => {
    expect(
      rolledUpMonths({
        from: '2021-12-08',
        to: '2026-06-15',
        cutoff: '2026-12-06',
      }),
    ).toEqual({ from: '2022-01', to: '2026-05' });
  });

  it('leaves out the two months before a running cutoff, whose facts may still settle', () => {
    // A running report on 7 December: November's facts settle by the end of December at the
    // latest, October's have settled by the end of November.
    expect(
      rolledUpMonths({
        from: '2021-12-08',
        to: '2026-12-07',
        cutoff: '2026-12-06',
      }),
    ).toEqual({ from: '2022-01', to: '2026-10' });
    expect(
      rolledUpMonths({
        from: '2026-01-01',
        to: '2026-12-07',
        cutoff: '2026-11-30',
      }),
    ).toEqual({ from: '2026-01', to: '2026-10' });
  });

  it('gives none for a period without a whole month settled by its cutoff', () => {
    expect(
      rolledUpMonths({
        from: '2026-11-01',
        to: '2026-11-30',
        cutoff: '2026-11-30',
      }),
    ).toBeUndefined();
    expect(
      rolledUpMonths({
        from: '2026-03-02',
        to: '2026-03-31',
        cutoff: '2026-12-06',
      }),
    ).toBeUndefined();
    expect(
      rolledUpMonths({
        from: '2026-03-01',
        to: '2026-04-29',
        cutoff: '2026-12-06',
      }),
    ).toEqual({ from: '2026-03', to: '2026-03' });
  });
});
