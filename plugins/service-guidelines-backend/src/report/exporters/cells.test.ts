import { cellNumberText, looksLikeFormula, neutraliseFormula } from './cells';
import { csvChunks } from './csv';
import { ExportContent } from './exportContent';

describe('export cells', () => {
  it.each(['=1+1', '+46701740699', '-2+3', '@SUM(A1)', '\tx', '\rx'])(
    'neutralises %j, which a spreadsheet would take for a formula',
    value => {
      expect(looksLikeFormula(value)).toBe(true);
      expect(neutraliseFormula(value)).toBe(`'${value}`);
    },
  );

  it('leaves ordinary text alone', () => {
    expect(neutraliseFormula('Nya rutiner = bättre')).toBe(
      'Nya rutiner = bättre',
    );
  });

  it('writes shares as percent and changes with one decimal, in either decimal', () => {
    expect(cellNumberText({ kind: 'share', value: 2 / 3 }, 'comma')).toBe(
      '66,7',
    );
    expect(cellNumberText({ kind: 'share', value: 2 / 3 }, 'point')).toBe(
      '66.7',
    );
    expect(cellNumberText({ kind: 'points', value: -0.04 }, 'comma')).toBe(
      '0,0',
    );
    expect(cellNumberText({ kind: 'count', value: -3 }, 'comma')).toBe('-3');
    expect(cellNumberText({ kind: 'empty' }, 'comma')).toBeUndefined();
  });

  it('quotes fields with separators, quotes and line breaks, and neutralises formulas in CSV', async () => {
    const content = {
      language: 'sv',
      title: 'T',
      header: [],
      tables: [
        {
          id: 'improvements',
          title: 'Förbättringar',
          columns: [{ header: 'Beskrivning', width: 10 }],
          rows: [
            [{ kind: 'text', value: 'a;b' }],
            [{ kind: 'text', value: 'sa "hej"' }],
            [{ kind: 'text', value: 'rad 1\nrad 2' }],
            [{ kind: 'text', value: '=cmd|"/c calc"!A1' }],
            [{ kind: 'count', value: -1 }],
          ],
        },
      ],
    } as unknown as ExportContent;
    let text = '';
    for await (const chunk of csvChunks(content, { decimal: 'comma' })) {
      text += chunk;
    }
    expect(text).toBe(
      [
        '\uFEFFT',
        '',
        'Förbättringar',
        'Beskrivning',
        '"a;b"',
        '"sa ""hej"""',
        '"rad 1\nrad 2"',
        `"'=cmd|""/c calc""!A1"`,
        '-1',
        '',
      ].join('\r\n'),
    );
  });
});
