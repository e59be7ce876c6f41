/** One bar of a chart: the period's value and, when there is one, the previous period's. */
export interface Bar {
  label: string;
  current: number;
  previous?: number | null;
}

const CURRENT_COLOUR = '#1f5fa8';
const PREVIOUS_COLOUR = '#6b7785';
const ROW = 34;
const LABEL_WIDTH = 210;
const VALUE_SPACE = 70;
const WIDTH = 720;

/**
 * Horizontal bars drawn as plain SVG: the period's value above the previous period's, each with
 * its number written beside it. The whole chart is one image whose text alternative names every
 * value, and the same figures are in the tables of the page.
 */
export function BarChart(props: {
  id: string;
  title: string;
  bars: Bar[];
  format: (value: number) => string;
  legend: { current: string; previous: string };
  describe: (bar: Bar) => string;
}) {
  const { id, title, bars, format, legend, describe } = props;
  const max = Math.max(
    1e-9,
    ...bars.flatMap(b => [b.current, b.previous ?? 0]),
  );
  const barSpace = WIDTH - LABEL_WIDTH - VALUE_SPACE;
  const height = bars.length * ROW + 8;
  const titleId = `${id}-title`;
  return (
    <figure style={{ margin: '0 0 24px 0' }} aria-labelledby={titleId}>
      <figcaption id={titleId} style={{ fontWeight: 600, marginBottom: 4 }}>
        {title}
      </figcaption>
      <div aria-hidden="true" style={{ fontSize: 13, marginBottom: 4 }}>
        <span
          style={{
            display: 'inline-block',
            width: 12,
            height: 12,
            background: CURRENT_COLOUR,
            marginRight: 4,
            verticalAlign: 'middle',
          }}
        />
        {legend.current}
        <span
          style={{
            display: 'inline-block',
            width: 12,
            height: 12,
            background: PREVIOUS_COLOUR,
            margin: '0 4px 0 16px',
            verticalAlign: 'middle',
          }}
        />
        {legend.previous}
      </div>
      <svg
        role="img"
        aria-label={`${title}. ${bars.map(describe).join('; ')}`}
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        style={{ maxWidth: WIDTH, display: 'block' }}
      >
        {bars.map((bar, i) => {
          const top = i * ROW + 4;
          const currentWidth = (bar.current / max) * barSpace;
          const previousWidth = ((bar.previous ?? 0) / max) * barSpace;
          return (
            <g key={bar.label}>
              <text x={0} y={top + 15} fontSize={13} fill="currentColor">
                {bar.label.length > 30
                  ? `${bar.label.slice(0, 29)}…`
                  : bar.label}
              </text>
              <rect
                x={LABEL_WIDTH}
                y={top}
                width={Math.max(currentWidth, 1)}
                height={14}
                fill={CURRENT_COLOUR}
              />
              <text
                x={LABEL_WIDTH + currentWidth + 6}
                y={top + 12}
                fontSize={12}
                fill="currentColor"
              >
                {format(bar.current)}
              </text>
              {bar.previous !== undefined && bar.previous !== null && (
                <>
                  <rect
                    x={LABEL_WIDTH}
                    y={top + 16}
                    width={Math.max(previousWidth, 1)}
                    height={10}
                    fill={PREVIOUS_COLOUR}
                  />
                  <text
                    x={LABEL_WIDTH + previousWidth + 6}
                    y={top + 26}
                    fontSize={11}
                    fill="currentColor"
                  >
                    {format(bar.previous)}
                  </text>
                </>
              )}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
