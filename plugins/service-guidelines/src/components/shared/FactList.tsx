import { Fragment, ReactNode } from 'react';

/** One term and its value; `testId` marks the value for tests. */
export interface Fact {
  term: string;
  value: ReactNode;
  testId?: string;
}

const listStyle = {
  display: 'grid',
  gridTemplateColumns: 'max-content 1fr',
  columnGap: 'var(--bui-space-4, 16px)',
  rowGap: 'var(--bui-space-2, 8px)',
  margin: 0,
} as const;
const termStyle = { fontWeight: 600 } as const;
const valueStyle = { margin: 0 } as const;

/** A fact as an object, or as `[term, value]` for brevity. */
export type FactRow = Fact | [string, ReactNode];

const toFact = (row: FactRow): Fact =>
  Array.isArray(row) ? { term: row[0], value: row[1] } : row;

/**
 * Facts as a definition list laid out in two columns, terms in bold. Facts that do not apply
 * are passed as `false` or `undefined` and left out.
 */
export function FactList(props: {
  facts: Array<FactRow | false | undefined | null | ''>;
}) {
  return (
    <dl style={listStyle}>
      {props.facts
        .filter((row): row is FactRow => Boolean(row))
        .map(toFact)
        .map(fact => (
          <Fragment key={fact.term}>
            <dt style={termStyle}>{fact.term}</dt>
            <dd style={valueStyle} data-testid={fact.testId}>
              {fact.value}
            </dd>
          </Fragment>
        ))}
    </dl>
  );
}
