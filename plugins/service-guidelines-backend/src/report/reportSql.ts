/*
 * The SQL of the reports. Every figure is computed in the database, grouped, so that a report
 * over a million synpunkter moves a few hundred aggregate rows to the backend, never the
 * synpunkter themselves. Written for SQLite (3.25+, window functions) and PostgreSQL alike; the
 * only difference is how a value is read from the JSON of the history.
 *
 * How the measures of MEASURES.md become SQL:
 *
 * - "As they stood at the end of the last day of the period": every dated column is compared
 *   with the period's state date (its last day, or today while it runs). Closing and reopening
 *   are read from the row, except for a synpunkt that was ever reopened: its closed state and
 *   improvement at the end of the period come from the last closing or reopening in its history
 *   before then, and its återkoppling is its first one (also from the history).
 * - "Arbetsdagar till X": `report_calendar` numbers the arbetsdagar, so the arbetsdagar after the
 *   arrival day up to and including X are `ordinal(X) - ordinal(arrival)`; paused arbetsdagar are
 *   the distinct calendar days inside a pause (after its from, up to its to, or up to X while it
 *   is open), after the arrival day and up to X, as in -common's `workingDaysTo`.
 * - A deadline "has passed by the end of the period" when it is on or before the cutoff: the last
 *   day that is over (the period's last day, or yesterday while it runs). For återkoppling the
 *   deadline moves with pauses, so it has passed exactly when the unpaused arbetsdagar after the
 *   arrival day up to the cutoff reach the svarstid (that is how -common's `svarstidDeadline`
 *   defines it, with pauses read up to the cutoff).
 * - Kept facts (`report_facts`, see its migration): a synpunkt whose facts were kept with a settled
 *   date on or before the period's cutoff, and that is not pending, is read from there; only the
 *   others (recent ones, reopened ones not closed again, pending ones) are worked out as
 *   described above. A reopened synpunkt closed again settles no earlier than that last closing,
 *   so every period its kept facts hold for ends after its whole history. Both give the same
 *   per-synpunkt facts, which are then summed together. For a period that ended on
 *   a closing date (the last day of a helår or delår), the facts kept as they stood on that day
 *   (`report_facts_at_closing`) stand in for working out those that settled after it. For a
 *   synpunkt whose deadlines still ran when the job kept it, its facts as a report running that day
 *   saw them (`report_facts_interim`) stand in for any period they hold for: one whose last day
 *   has reached its every event and whose cutoff lies before its next running deadline. Each
 *   synpunkt is read from exactly one of these, or worked out.
 * - Roll-ups (`report_rollups`, see its migration): a scope with units below it reads the sums of
 *   its whole months whose kept facts settled within the month after (nearly all of them) from
 *   the roll-ups of its nodes, once the period's cutoff has passed the end of the month after; the
 *   kept facts beside them (settled later, or of other months) are read one by one, and those of
 *   pending synpunkter that the roll-ups still sum are subtracted. A report without a scope reads
 *   the roll-ups of the tree's roots the same way, and one by one the facts of units outside the
 *   tree, which are never rolled up.
 * - Nearest-rank percentiles: the value at position ⌈p·n/100⌉ (written `(p·n + 99) / 100` in
 *   integer arithmetic) of the sorted values is the smallest value whose running count reaches
 *   that position. The running count is taken over a histogram (value, count) rather than over
 *   the sorted rows, which keeps the sort to a few hundred rows however many synpunkter there are.
 */

/** The dates one period of a report is read with. */
export interface PeriodBounds {
  from: string;
  to: string;
  /** Dated events count when on or before this date (the last day, or today while it runs). */
  stateDate: string;
  /** A deadline on or before this date has passed (the last day, or yesterday while it runs). */
  cutoff: string;
  /** History entries count when `at` is before this instant (the start of the next day). */
  endInstant: string;
}

export type SqlDialect = 'pg' | 'sqlite';

export function dialectOf(client: string): SqlDialect {
  return client === 'pg' || client === 'postgresql' ? 'pg' : 'sqlite';
}

/** A text value at a path of the history entry's `changes` JSON. */
function jsonText(dialect: SqlDialect, path: string[]): string {
  return dialect === 'pg'
    ? `json_extract_path_text(CAST(e.changes AS json), ${path
        .map(p => `'${p}'`)
        .join(', ')})`
    : `json_extract(e.changes, '$.${path.join('.')}')`;
}

/** 1 when a boolean at a path of `changes` is true, else 0. */
function jsonTrue(dialect: SqlDialect, path: string[]): string {
  return dialect === 'pg'
    ? `CASE WHEN ${jsonText(dialect, path)} = 'true' THEN 1 ELSE 0 END`
    : `CASE WHEN ${jsonText(dialect, path)} = 1 THEN 1 ELSE 0 END`;
}

/** The last history entry of the kinds, before the end of the period, of `sel.id`. */
function lastEntryBeforeEnd(kinds: string[], column: string): string {
  return `(SELECT ${column} FROM synpunkt_events e
      WHERE e.synpunkt_id = sel.id AND e.kind IN (${kinds
        .map(k => `'${k}'`)
        .join(', ')}) AND e.at < sel.end_instant
      ORDER BY e.id DESC LIMIT 1)`;
}

/** The synpunkt `id` was reopened at some time: its history has a reopening. */
const EVER_REOPENED = (id: string) =>
  `EXISTS (SELECT 1 FROM synpunkt_events r WHERE r.kind = 'ateroppnad' AND r.synpunkt_id = ${id})`;

/** The columns of a selected synpunkt that its facts are worked out from. */
const SELECTED_COLUMNS = `s.id, s.unit_ref, s.type, s.channel, s.area, s.received_date,
      substr(s.received_date, 1, 7) AS month,
      CASE WHEN s.anonymous THEN 1 ELSE 0 END AS anon,
      s.arrival_date, s.aterkoppling_days, s.aterkoppling_due,
      s.forsta_svar_due, s.forsta_svar_date, s.aterkoppling_date, s.closed_date,
      CASE WHEN s.led_to_improvement THEN 1 ELSE 0 END AS improvement_now,
      s.improvement_description,
      CASE WHEN ${EVER_REOPENED('s.id')} THEN 1 ELSE 0 END AS reopened,
      CASE WHEN EXISTS (SELECT 1 FROM synpunkt_pauses pa
        WHERE pa.synpunkt_id = s.id) THEN 1 ELSE 0 END AS has_pause`;

const SUBTREE =
  'SELECT descendant_ref FROM org_unit_closure WHERE ancestor_ref = :scope';

/** The node is at the top of the organisation's tree: below no other. */
const isRoot = (node: string) =>
  `NOT EXISTS (SELECT 1 FROM org_unit_closure p
    WHERE p.descendant_ref = ${node} AND p.depth > 0)`;

/** The units at the top of the organisation's tree. */
const ROOTS = `SELECT t.ancestor_ref FROM org_unit_closure t
  WHERE t.depth = 0 AND ${isRoot('t.ancestor_ref')}`;

/**
 * The node whose roll-ups a report reads by every breakdown: its scope, or without one the roots
 * of the tree, whose subtrees hold every unit in it.
 */
function isReportNode(column: string, scoped: boolean): string {
  return scoped ? `${column} = :scope` : `${column} IN (${ROOTS})`;
}

/** `t` (a synpunkt or its facts) was received in the period. */
function receivedInPeriod(t: string, prefix: 'cur' | 'prev'): string {
  return `${t}.received_date >= :${prefix}From AND ${t}.received_date <= :${prefix}To`;
}

/**
 * `column` of the kept facts lies in the scope's subtree. PostgreSQL gets the subtree as an
 * array, worked out once: as an IN subquery it estimated the join of a million kept facts with
 * the closure at millions of rows and grouped them by sorting (4.2 s for the whole kommun instead
 * of 1.9 s). The pending synpunkter keep the IN form, which measured faster there.
 */
function inScope(dialect: SqlDialect, column: string, units = SUBTREE): string {
  return dialect === 'pg'
    ? `${column} = ANY (ARRAY(${units}))`
    : `${column} IN (${units})`;
}

/**
 * Every unit of the tree. The roll-ups hold no other node (they are emptied when the tree
 * changes); named, they are read by their key, node by node.
 */
const TREE = 'SELECT ancestor_ref FROM org_unit_closure WHERE depth = 0';

/**
 * `column` written so that SQLite does not choose an index by it (`+column`), as it is on
 * PostgreSQL. SQLite keeps no statistics, so a condition on an indexed column can make it take
 * that index over a better one; each use says which.
 */
function notIndexedOnSqlite(dialect: SqlDialect, column: string): string {
  return dialect === 'sqlite' ? `+${column}` : column;
}

/**
 * The period ended on the closing date of `t` (`report_facts_at_closing`): its state and its
 * deadlines are read at its last day. A running period reads its state today and its deadlines up
 * to yesterday, which no kept closing matches.
 */
function endedOnClosingDate(t: string, prefix: 'cur' | 'prev'): string {
  return `${t}.closing_date = :${prefix}Cutoff AND ${t}.closing_date = :${prefix}State`;
}

/** The synpunkt `id` has facts kept at the period's closing date (see atClosingFacts). */
function keptAtClosing(id: string, prefix: 'cur' | 'prev'): string {
  return `EXISTS (SELECT 1 FROM report_facts_at_closing a
            WHERE a.synpunkt_id = ${id} AND ${endedOnClosingDate(
    'a',
    prefix,
  )})`;
}

/**
 * Which synpunkter of a period are worked out in full: all of them, or (`unkept`) only those
 * whose kept facts cannot be used for the period: not settled by its cutoff, never kept
 * (reopened), or pending. Every synpunkt has kept facts or is pending, so the unkept ones are
 * found from those two small sets instead of probing every synpunkt of the period.
 *
 * The two sides do not overlap (the pending ones are left out of the facts' side), so they are
 * joined with UNION ALL: a UNION makes SQLite read the facts in id order to merge them, every
 * fact of the period. And on SQLite the scope (`+`) must not drive the facts' side: without
 * statistics SQLite walks the scope's units on their index, every fact of a kommun-wide report
 * (230 ms over a million), where the settled index reads only the unsettled ones (12 ms). For the
 * same reason the pending side is a CROSS JOIN, which SQLite reads in the order written (the
 * few pending ones, each synpunkt by id) and PostgreSQL plans as any join.
 */
function unkeptIds(
  dialect: SqlDialect,
  prefix: 'cur' | 'prev',
  scoped: boolean,
  improvementCandidates: boolean,
  otherKeptFacts: boolean,
): string {
  const inPeriod = (t: string, unitRef = `${t}.unit_ref`) =>
    `${receivedInPeriod(t, prefix)}
          ${scoped ? `AND ${unitRef} IN (${SUBTREE})` : ''}`;
  // A synpunkt never reopened that is neither pending nor kept without a settled date has the
  // facts of its row as it is now, worked out at its settled date, which is on or after its
  // closing: if it is closed with an improvement by the end of any period, its kept facts say
  // improvement already. Only those can be on the list, not the thousands still running, and the
  // reopened ones: an earlier closing may have led to an improvement that the last did not.
  //
  // The two kinds are read as two parts, each a range of the settled index: as one OR, PostgreSQL
  // read every kept fact of the scope's months for them instead (a kommun-wide report over five
  // years: 215-335 ms, where the two ranges take 42 ms), and for a narrow scope it still may.
  const factColumns = 'u.synpunkt_id, u.received_date, u.unit_ref';
  const unsettled = `(SELECT ${factColumns} FROM report_facts u
        WHERE u.settled_date IS NULL
      UNION ALL SELECT ${factColumns} FROM report_facts u
        WHERE u.settled_date > :${prefix}Cutoff
          ${
            improvementCandidates
              ? `AND (u.improvement = 1 OR ${EVER_REOPENED('u.synpunkt_id')})`
              : ''
          })`;
  // On PostgreSQL a scoped report also names the months of receipt, and the subtree as an array,
  // so that the month index (unit, month of receipt, …) reads each unit's months of the period.
  // Otherwise it scanned every kept fact for the few unsettled ones: about 165 ms of a nämnd's
  // helår over the bench's million (625 ms), which with the index takes 505 ms in all. Without a
  // scope no index on the unit can serve, and the scan stays.
  const factsInPeriod =
    dialect === 'pg' && scoped
      ? `${receivedInPeriod('f', prefix)}
          AND substr(f.received_date, 1, 7) >= substr(:${prefix}From, 1, 7)
          AND substr(f.received_date, 1, 7) <= substr(:${prefix}To, 1, 7)
          AND ${inScope(dialect, 'f.unit_ref')}`
      : inPeriod('f', notIndexedOnSqlite(dialect, 'f.unit_ref'));
  // The interim facts that stand in for a synpunkt are those received in the period, the ones
  // interimFacts reads. Named so, PostgreSQL reads only the period's from their index, where it
  // hashed every interim fact for each period: 15-19 ms each for the 55,000 the bench's register
  // load leaves (all received today), in a nämnd's helår that holds none of them.
  return `(SELECT f.synpunkt_id FROM ${unsettled} f
        WHERE ${factsInPeriod}
          ${
            otherKeptFacts
              ? `AND NOT ${keptAtClosing('f.synpunkt_id', prefix)}
          AND NOT EXISTS (SELECT 1 FROM report_facts_interim i
            WHERE i.synpunkt_id = f.synpunkt_id
              AND ${receivedInPeriod('i', prefix)}
              AND ${interimHolds('i', prefix)})`
              : ''
          }
          AND f.synpunkt_id NOT IN (SELECT p.synpunkt_id FROM report_facts_pending p)
        UNION ALL SELECT q.synpunkt_id FROM report_facts_pending q
          CROSS JOIN synpunkter sp
        WHERE sp.id = q.synpunkt_id AND ${inPeriod('sp')})`;
}

/**
 * The `eff` expression: a selected synpunkt (`sel`, with its `state_date`, `cutoff` and
 * `end_instant`) with its state at the end of the period.
 */
function effectiveCte(dialect: SqlDialect): string {
  return `eff AS (
    SELECT sel.*,
      CASE WHEN sel.reopened = 1
        THEN (SELECT MIN(${jsonText(dialect, [
          'aterkopplingDate',
          'to',
        ])}) FROM synpunkt_events e
              WHERE e.synpunkt_id = sel.id AND e.kind = 'aterkopplad')
        ELSE sel.aterkoppling_date END AS ak_first,
      CASE WHEN sel.reopened = 1
        THEN CASE WHEN ${lastEntryBeforeEnd(
          ['avslutad', 'ateroppnad'],
          'e.kind',
        )} = 'avslutad' THEN 1 ELSE 0 END
        ELSE CASE WHEN sel.closed_date IS NOT NULL AND sel.closed_date <= sel.state_date
          THEN 1 ELSE 0 END
        END AS closed_at_end,
      CASE WHEN sel.reopened = 1
        THEN COALESCE(${lastEntryBeforeEnd(
          ['avslutad'],
          jsonTrue(dialect, ['ledToImprovement', 'to']),
        )}, 0)
        ELSE sel.improvement_now END AS improvement_at_end,
      CASE WHEN sel.reopened = 1
        THEN ${lastEntryBeforeEnd(
          ['avslutad'],
          jsonText(dialect, ['improvementDescription', 'to']),
        )}
        ELSE sel.improvement_description END AS improvement_text_at_end,
      CASE WHEN sel.reopened = 1
        THEN ${lastEntryBeforeEnd(['avslutad'], 'e.at')}
        END AS closed_at_instant
    FROM sel
  )`;
}

/**
 * The common table expressions that select the synpunkter of a report and read their state at
 * the end of the period: `sel` and `eff`.
 *
 * Named bindings: curFrom, curTo, curState, curCutoff, curInstant, and for two periods the same
 * with `prev`; `scope` when scoped.
 */
function selectionCtes(options: {
  dialect: SqlDialect;
  scoped: boolean;
  withPrevious: boolean;
  /** Only synpunkter that may have led to an improvement (for the list of improvements). */
  improvementCandidates?: boolean;
  /** Only synpunkter whose kept facts cannot be used (for the figures). */
  unkept?: boolean;
  /**
   * The unkept ones leave out those whose facts are kept beside `report_facts` for the period: at
   * its closing date (see atClosingFacts) or for the days it ends on (see interimFacts).
   */
  otherKeptFacts?: boolean;
}): string {
  const { dialect, scoped, withPrevious } = options;
  // One SELECT per period, joined with UNION ALL: each is a single range of received dates,
  // which the (unit_ref, received_date) index serves unit by unit.
  const periodSelect = (prefix: 'cur' | 'prev', name: string) => `
    SELECT ${SELECTED_COLUMNS},
      '${name}' AS period,
      :${prefix}State AS state_date,
      :${prefix}Cutoff AS cutoff,
      :${prefix}Instant AS end_instant
    ${
      // Few and known by id: each found by its primary key, not among the period's rows.
      options.unkept
        ? `FROM ${unkeptIds(
            dialect,
            prefix,
            scoped,
            options.improvementCandidates === true,
            options.otherKeptFacts === true,
          )} u ${
            dialect === 'pg'
              ? // PostgreSQL misjudges how few they are and would scan every synpunkt; a
                // LATERAL subquery it may not flatten (OFFSET 0) makes it look each one up.
                'CROSS JOIN LATERAL (SELECT * FROM synpunkter s0 WHERE s0.id = u.synpunkt_id OFFSET 0) s'
              : 'JOIN synpunkter s ON s.id = u.synpunkt_id'
          } WHERE 1 = 1`
        : `FROM synpunkter s
    WHERE ${receivedInPeriod('s', prefix)}
      ${scoped ? `AND s.unit_ref IN (${SUBTREE})` : ''}`
    }
      ${
        options.improvementCandidates
          ? `AND (s.led_to_improvement OR ${EVER_REOPENED('s.id')})`
          : ''
      }`;
  // Materialized when few (the unkept ones): every later reference to a column of a synpunkt,
  // such as whether it was reopened, would otherwise run its subquery again.
  return `
  sel AS ${options.unkept ? 'MATERIALIZED ' : ''}(${periodSelect(
    'cur',
    'current',
  )}
    ${withPrevious ? `UNION ALL ${periodSelect('prev', 'previous')}` : ''}
  ),
  ${effectiveCte(dialect)}`;
}

/** The per-synpunkt flags that are summed, and what their sums are called. */
export const SUMMED = [
  'anon',
  'fs_itid',
  'fs_sent',
  'fs_pag',
  'ak_itid',
  'ak_sent',
  'ak_pag',
  'open_end',
  'forsenad',
  'improvement',
];

/** The summed facts' columns of the table or CTE whose name or alias is `prefix` (with its dot). */
const summedColumns = (prefix: string) =>
  SUMMED.map(m => `${prefix}${m}`).join(', ');

/** The sums of the summed facts of `prefix`, each named as its column. */
const sums = (prefix: string) =>
  SUMMED.map(m => `SUM(${prefix}${m}) AS ${m}`).join(', ');

/**
 * The breakdowns read from the groups by unit, type, channel and area by one of their columns:
 * each a dimension of the figures, and `own` (a unit's own synpunkter, which the `unit` figures
 * and the total are summed from).
 */
const UNIT_GROUP_DIMENSIONS = [
  ['type', 'type'],
  ['channel', 'channel'],
  ['area', 'area'],
  ['own', 'unit_ref'],
] as const;

/** A derived table of one column `dim`, a row for each of the names. */
const dimensionRows = (names: readonly string[]) =>
  names.map(dim => `SELECT '${dim}' AS dim`).join(' UNION ALL ');

/** What a roll-up sums a fact by besides `all`, each keyed by the fact's column of that name. */
const ROLLUP_BREAKDOWNS = ['type', 'channel', 'area'] as const;

/** The columns of `report_facts` that hold a synpunkt's facts, in the order they are kept. */
export const KEPT_FACT_COLUMNS = [...SUMMED, 'ak_workdays'];

/** The period's name in the figures, of its binding prefix. */
const periodName = (prefix: 'cur' | 'prev') =>
  prefix === 'cur' ? 'current' : 'previous';

/**
 * The columns of one kept fact of `t` as the figures sum it: period, unit_ref, type, channel,
 * area, month, the {@link KEPT_FACT_COLUMNS} (in their order) and n, the count it adds. Negated (`sign` -1), it
 * takes its flags and its count away again.
 */
function factRow(t: string, prefix: 'cur' | 'prev', sign: 1 | -1 = 1): string {
  const negated = sign === 1 ? '' : '-';
  return `'${periodName(
    prefix,
  )}' AS period, ${t}.unit_ref, ${t}.type, ${t}.channel, ${t}.area,
      substr(${t}.received_date, 1, 7) AS month, ${SUMMED.map(
    m => `${negated}${t}.${m}`,
  ).join(', ')}, ${t}.ak_workdays, ${sign} AS n`;
}

/**
 * The facts of a period kept beside `report_facts` in `table` (alias `t`) for the synpunkter
 * received in the period, in scope and not pending, that `holds` says apply to it. Columns as
 * the worked-out facts': period, unit_ref, type, channel, area, month, the
 * {@link KEPT_FACT_COLUMNS} and n (1).
 */
function factsKeptBeside(
  dialect: SqlDialect,
  prefix: 'cur' | 'prev',
  scoped: boolean,
  table: string,
  t: string,
  holds: string,
): string {
  return `SELECT ${factRow(t, prefix)}
    FROM ${table} ${t}
    WHERE ${receivedInPeriod(t, prefix)}
      ${scoped ? `AND ${inScope(dialect, `${t}.unit_ref`)}` : ''}
      AND ${holds}
      AND ${t}.synpunkt_id NOT IN (SELECT q.synpunkt_id FROM report_facts_pending q)`;
}

/**
 * The facts kept at the period's closing date: those of the synpunkter whose facts settled after
 * the period ended, kept as they stood when it did.
 */
function atClosingFacts(
  dialect: SqlDialect,
  prefix: 'cur' | 'prev',
  scoped: boolean,
): string {
  return factsKeptBeside(
    dialect,
    prefix,
    scoped,
    'report_facts_at_closing',
    'a',
    endedOnClosingDate('a', prefix),
  );
}

/**
 * The interim facts of table alias `t` (see the `report_facts_interim` migration) hold for the
 * period: its kept facts do not (their settled date is after its cutoff, or none), its last day
 * has reached every event, and its cutoff lies in their window of running deadlines.
 */
function interimHolds(t: string, prefix: 'cur' | 'prev'): string {
  return `(${t}.settled_date IS NULL OR ${t}.settled_date > :${prefix}Cutoff)
            AND (${t}.state_from IS NULL OR ${t}.state_from <= :${prefix}State)
            AND (${t}.cutoff_from IS NULL OR ${t}.cutoff_from <= :${prefix}Cutoff)
            AND (${t}.cutoff_until IS NULL OR ${t}.cutoff_until > :${prefix}Cutoff)`;
}

/**
 * The interim facts that hold for the period, of those not read from facts kept at its closing
 * date (atClosingFacts).
 */
function interimFacts(
  dialect: SqlDialect,
  prefix: 'cur' | 'prev',
  scoped: boolean,
): string {
  return factsKeptBeside(
    dialect,
    prefix,
    scoped,
    'report_facts_interim',
    'i',
    `${interimHolds('i', prefix)}
      AND NOT ${keptAtClosing('i.synpunkt_id', prefix)}`,
  );
}

/**
 * Works out the facts of every synpunkt of `eff` at its own `state_date` and `cutoff`, as the CTE
 * `name`: per synpunkt its id, received date, period, unit, type, channel, area, month and the
 * {@link KEPT_FACT_COLUMNS}. Materialized, as is `clocked`: the figures read `worked` twice,
 * and the paused arbetsdagar are read by several facts.
 */
function workedOutFactsCtes(name: string): string {
  return `dated AS (
    SELECT eff.*,
      CASE WHEN eff.ak_first IS NOT NULL AND eff.ak_first <= eff.state_date
        THEN eff.ak_first END AS ak_date,
      CASE WHEN eff.forsta_svar_date IS NOT NULL AND eff.forsta_svar_date <= eff.state_date
        THEN eff.forsta_svar_date END AS fs_date
    FROM eff
  ),
  clocked AS MATERIALIZED (
    SELECT d.*,
      CASE WHEN d.anon = 0
        THEN cr.ordinal - ca.ordinal - CASE WHEN d.has_pause = 1 THEN (
          -- The paused arbetsdagar: distinct days, so that overlapping pauses count once.
          SELECT COUNT(DISTINCT c.day)
          FROM synpunkt_pauses p
          JOIN report_calendar c
            ON c.day > CASE WHEN p.from_date > d.arrival_date THEN p.from_date ELSE d.arrival_date END
           AND c.day <= CASE
             WHEN p.to_date IS NULL OR p.to_date > COALESCE(d.ak_date, d.cutoff)
             THEN COALESCE(d.ak_date, d.cutoff) ELSE p.to_date END
          WHERE p.synpunkt_id = d.id AND c.working
        ) ELSE 0 END
      END AS unpaused
    FROM dated d
    LEFT JOIN report_calendar ca ON ca.day = d.arrival_date
    LEFT JOIN report_calendar cr ON cr.day = COALESCE(d.ak_date, d.cutoff)
  ),
  ${name} AS MATERIALIZED (
    SELECT d.id, d.received_date, d.reopened, d.period, d.unit_ref, d.type, d.channel,
      d.area, d.month, d.anon,
      CASE WHEN d.anon = 0 AND d.fs_date IS NOT NULL AND d.fs_date <= d.forsta_svar_due
        THEN 1 ELSE 0 END AS fs_itid,
      CASE WHEN d.anon = 0 AND (
          (d.fs_date IS NOT NULL AND d.fs_date > d.forsta_svar_due)
          OR (d.fs_date IS NULL AND d.forsta_svar_due <= d.cutoff))
        THEN 1 ELSE 0 END AS fs_sent,
      CASE WHEN d.anon = 0 AND d.fs_date IS NULL AND d.forsta_svar_due > d.cutoff
        THEN 1 ELSE 0 END AS fs_pag,
      CASE WHEN d.anon = 0 AND d.ak_date IS NOT NULL AND d.ak_date <= d.aterkoppling_due
        THEN 1 ELSE 0 END AS ak_itid,
      CASE WHEN d.anon = 0 AND (
          (d.ak_date IS NOT NULL AND d.ak_date > d.aterkoppling_due)
          OR (d.ak_date IS NULL AND d.unpaused >= d.aterkoppling_days))
        THEN 1 ELSE 0 END AS ak_sent,
      CASE WHEN d.anon = 0 AND d.ak_date IS NULL
          AND (d.unpaused IS NULL OR d.unpaused < d.aterkoppling_days)
        THEN 1 ELSE 0 END AS ak_pag,
      1 - d.closed_at_end AS open_end,
      CASE WHEN d.closed_at_end = 0 AND d.anon = 0 AND d.ak_date IS NULL
          AND d.unpaused >= d.aterkoppling_days
        THEN 1 ELSE 0 END AS forsenad,
      CASE WHEN d.closed_at_end = 1 AND d.improvement_at_end = 1
        THEN 1 ELSE 0 END AS improvement,
      CASE WHEN d.anon = 0 AND d.ak_date IS NOT NULL
        THEN CASE WHEN d.unpaused > 0 THEN d.unpaused ELSE 0 END END AS ak_workdays
    FROM clocked d
  )`;
}

/**
 * The kept facts of a period: settled by its cutoff and not pending. On SQLite the dates must not
 * choose the index, which would read them through a date index and look up each row: the
 * grouping indexes hold every column and are read in their order.
 */
function keptCondition(
  dialect: SqlDialect,
  prefix: 'cur' | 'prev',
  scoped: boolean,
): string {
  const received = notIndexedOnSqlite(dialect, 'f.received_date');
  const settled = notIndexedOnSqlite(dialect, 'f.settled_date');
  return `${received} >= :${prefix}From AND ${received} <= :${prefix}To
          AND ${settled} <= :${prefix}Cutoff
          ${scoped ? `AND ${inScope(dialect, 'f.unit_ref')}` : ''}
          AND f.synpunkt_id NOT IN (SELECT q.synpunkt_id FROM report_facts_pending q)`;
}

/**
 * The month in `column` is one the period reads roll-ups for: one of its whole months whose
 * rolled-up facts have all settled by its cutoff, bound as `RollFrom` to `RollTo`. Of a kept
 * fact's `rollup_month`: the roll-ups the period reads sum it.
 */
function rolledUpFor(column: string, prefix: 'cur' | 'prev'): string {
  return `${column} >= :${prefix}RollFrom AND ${column} <= :${prefix}RollTo`;
}

/**
 * The kept facts of the period in scope, not pending, that its roll-ups do not hold (settled too
 * late to be rolled up, or of a month the period reads no roll-ups for), one row each, as the
 * worked-out facts' columns. The months are written as two ranges beside the month rolled up,
 * each bounded by the period, so that an index on it reads only those.
 */
function keptBesideRollups(
  dialect: SqlDialect,
  prefix: 'cur' | 'prev',
  scoped: boolean,
): string {
  return `SELECT ${factRow('f', prefix)}
    FROM report_facts f
    WHERE (f.rollup_month IS NULL
        OR (f.rollup_month >= substr(:${prefix}From, 1, 7)
          AND f.rollup_month < :${prefix}RollFrom)
        OR (f.rollup_month > :${prefix}RollTo
          AND f.rollup_month <= substr(:${prefix}To, 1, 7)))
      AND ${notIndexedOnSqlite(
        dialect,
        'f.received_date',
      )} >= :${prefix}From AND ${notIndexedOnSqlite(
    dialect,
    'f.received_date',
  )} <= :${prefix}To
      AND ${notIndexedOnSqlite(dialect, 'f.settled_date')} <= :${prefix}Cutoff
      ${
        scoped
          ? `AND ${inScope(dialect, notIndexedOnSqlite(dialect, 'f.unit_ref'))}`
          : ''
      }
      AND f.synpunkt_id NOT IN (SELECT q.synpunkt_id FROM report_facts_pending q)`;
}

/**
 * The kept facts of the pending synpunkter in scope that the period's roll-ups hold, negated (n
 * -1): the roll-ups still sum them as they were kept, and a pending synpunkt is worked out.
 */
function pendingRolledUp(
  dialect: SqlDialect,
  prefix: 'cur' | 'prev',
  scoped: boolean,
): string {
  return `SELECT ${factRow('f', prefix, -1)}
    FROM report_facts_pending q
    CROSS JOIN report_facts f
    WHERE f.synpunkt_id = q.synpunkt_id AND ${rolledUpFor(
      'f.rollup_month',
      prefix,
    )}
      ${scoped ? `AND ${inScope(dialect, 'f.unit_ref')}` : ''}`;
}

/**
 * The CTE `rolled`: the roll-up rows the two periods read, the scope's own by every breakdown
 * and each node's of its subtree as `all`, with the arbetsdagar as in the facts (null for none).
 */
function rolledCte(dialect: SqlDialect, scoped: boolean): string {
  const periodRows = (prefix: 'cur' | 'prev') => `SELECT '${periodName(
    prefix,
  )}' AS period, r.node_ref, r.month, r.dim, r.k,
      CASE WHEN r.v < 0 THEN NULL ELSE r.v END AS v, r.n, ${summedColumns('r.')}
    FROM report_rollups r
    WHERE ${inScope(dialect, 'r.node_ref', scoped ? SUBTREE : TREE)}
      AND ${rolledUpFor('r.month', prefix)}
      AND (r.dim = 'all' OR ${isReportNode('r.node_ref', scoped)})`;
  return `rolled AS (
    ${periodRows('cur')}
    UNION ALL ${periodRows('prev')}
  )`;
}

/**
 * The roll-ups as rows of `dims`: the scope's breakdowns, its months and total, and every
 * unit's figures (its subtree's, which its own roll-ups sum). Each roll-up row is read once and
 * spread over the dimensions it counts in, then summed over the months, as `fine` does for the
 * facts.
 */
function rolledUpDimensions(scoped: boolean): string {
  const spread = dimensionRows([
    ...ROLLUP_BREAKDOWNS,
    'month',
    'total',
    'unit',
  ]);
  const key = `CASE d.dim WHEN 'month' THEN r.month WHEN 'total' THEN 'all'
        WHEN 'unit' THEN r.node_ref ELSE r.k END`;
  const atReportNode = isReportNode('r.node_ref', scoped);
  return `UNION ALL SELECT r.period, d.dim, ${key}, r.v, SUM(r.n), ${sums('r.')}
      FROM rolled r JOIN (${spread}) d
        ON CASE WHEN r.dim <> 'all' THEN d.dim = r.dim AND ${atReportNode}
          WHEN d.dim = 'unit' THEN 1 = 1
          ELSE d.dim IN ('month', 'total') AND ${atReportNode} END
      GROUP BY r.period, d.dim, ${key}, r.v`;
}

/**
 * From the fine groups `by_unit` (period, unit, type, channel, area, v) and `by_month` (period,
 * month, v), the CTEs `grouped` (the sums of each period, dim and k) and `hist` (how many have
 * each arbetsdagar value v there). The groups by unit are read once, each spread over the
 * dimensions of its columns (`fine`); the total and every unit's figures (its subtree's, through
 * the closure table) are then sums over the few rows of its own units. Reading the groups by
 * unit once per dimension, for the sums and again for the histograms, took a tenth of a report.
 */
function dimensionCtes(
  dialect: SqlDialect,
  scoped: boolean,
  rollups: boolean,
): string {
  const dimensions = dimensionRows(UNIT_GROUP_DIMENSIONS.map(([dim]) => dim));
  const keyOfDimension = `CASE d.dim ${UNIT_GROUP_DIMENSIONS.map(
    ([dim, column]) => `WHEN '${dim}' THEN g.${column}`,
  ).join(' ')} END`;
  const unitAncestors = scoped ? `AND c.ancestor_ref IN (${SUBTREE})` : '';
  return `${rollups ? `${rolledCte(dialect, scoped)},` : ''}
  fine AS (
    SELECT g.period, d.dim, ${keyOfDimension} AS k, g.v, SUM(g.n) AS n, ${sums(
    'g.',
  )}
    FROM by_unit g CROSS JOIN (${dimensions}) d
    GROUP BY g.period, d.dim, ${keyOfDimension}, g.v
  ),
  dims AS (
    SELECT fg.period, fg.dim, fg.k, fg.v, fg.n, ${summedColumns('fg.')}
      FROM fine fg WHERE fg.dim <> 'own'
    UNION ALL SELECT g.period, 'month', g.month, g.v, g.n, ${summedColumns(
      'g.',
    )}
      FROM by_month g
    UNION ALL SELECT fg.period, 'total', 'all', fg.v, SUM(fg.n), ${sums('fg.')}
      FROM fine fg WHERE fg.dim = 'own' GROUP BY fg.period, fg.v
    UNION ALL SELECT fg.period, 'unit', c.ancestor_ref, fg.v, SUM(fg.n), ${sums(
      'fg.',
    )}
      FROM fine fg JOIN org_unit_closure c ON c.descendant_ref = fg.k ${unitAncestors}
      WHERE fg.dim = 'own' GROUP BY fg.period, c.ancestor_ref, fg.v
    ${rollups ? rolledUpDimensions(scoped) : ''}
  ),
  grouped AS (
    SELECT period, dim, k, SUM(n) AS n, ${sums('')},
      SUM(CASE WHEN v IS NOT NULL THEN n ELSE 0 END) AS ak_n
    FROM dims GROUP BY period, dim, k
    -- A pending synpunkt subtracted from the roll-ups may leave a breakdown with none.
    HAVING SUM(n) <> 0
  ),
  hist AS (
    SELECT period, dim, k, v, SUM(n) AS c FROM dims WHERE v IS NOT NULL
    GROUP BY period, dim, k, v
  )`;
}

/**
 * Every figure of a report for the current and previous period, by dimension: one row per
 * (period, dim, k) with dim `total`, `type`, `channel`, `area`, `month` or `unit`.
 *
 * The synpunkter are read once and summed into fine groups (period, unit, type, channel, area,
 * month), and their arbetsdagar into a histogram over the same groups; every breakdown is then a
 * sum over those few groups, never another pass over the synpunkter. A unit's figures cover the
 * units below it, through the organisation's closure table.
 */
export function figuresSql(
  dialect: SqlDialect,
  scoped: boolean,
  /**
   * Whether the roll-ups of the scope, or without one of the tree's roots, are read (see
   * `report_rollups`): for the months bound as `:curRollFrom` to `:curRollTo` and
   * `:prevRollFrom` to `:prevRollTo` (an empty range when none), instead of their kept facts.
   * Only a node with units below it and a root have them by every breakdown.
   */
  rollups = false,
): string {
  // Two groupings of the facts, each with its arbetsdagar (v) for the percentiles: by unit,
  // type, channel and area (every breakdown but month), and by month. Together they are a few
  // thousand rows however many synpunkter there are; one grouping by all five would be nearly
  // as many rows as synpunkter.
  /** `columns` of the kept facts of the current and of the previous period, one after the other. */
  const keptOfEachPeriod = (columns: string, groupBy = '') =>
    (['cur', 'prev'] as const)
      .map(
        prefix => `SELECT '${periodName(prefix)}' AS period, ${columns}
        FROM report_facts f
        WHERE ${keptCondition(dialect, prefix, scoped)}
        ${groupBy}`,
      )
      .join('\n      UNION ALL ');
  // PostgreSQL reads the kept facts once for both groupings (GROUPING SETS, hashed in one
  // pass); SQLite has no grouping sets and reads each grouping from its own covering index, in
  // that index's order.
  const keptGroups = `kept_groups AS (
    SELECT x.period, x.unit_ref, x.type, x.channel, x.area, x.month, x.v,
      CASE WHEN GROUPING(x.month) = 1 THEN 'unit' ELSE 'month' END AS grouped_by,
      COUNT(*) AS n, ${sums('x.')}
    FROM (
      ${keptOfEachPeriod(
        `f.unit_ref, f.type, f.channel, f.area,
          substr(f.received_date, 1, 7) AS month, f.ak_workdays AS v, ${summedColumns(
            'f.',
          )}`,
      )}
    ) x
    GROUP BY GROUPING SETS ((x.period, x.unit_ref, x.type, x.channel, x.area, x.v),
      (x.period, x.month, x.v))
  )`;
  const keptPart = (
    set: 'unit' | 'month',
    keys: string[],
    keptKeys: string[],
    /** Grouped by first, in the order of the index that serves the grouping. */
    keptLeadingKeys: string[],
  ) =>
    dialect === 'pg'
      ? `SELECT g.period, ${keys
          .map(k => `g.${k}`)
          .join(', ')}, g.v, g.n, ${summedColumns('g.')}
        FROM kept_groups g WHERE g.grouped_by = '${set}'`
      : keptOfEachPeriod(
          `${keptKeys
            .map((k, i) => `${k} AS ${keys[i]}`)
            .join(', ')}, f.ak_workdays AS v, COUNT(*) AS n, ${sums('f.')}`,
          `GROUP BY ${[...keptLeadingKeys, ...keptKeys].join(
            ', ',
          )}, f.ak_workdays`,
        );
  const grouping = (
    name: string,
    set: 'unit' | 'month',
    keys: string[],
    keptKeys: string[],
    keptLeadingKeys: string[] = [],
  ) => `
  ${name} AS (
    SELECT x.period, ${keys
      .map(k => `x.${k}`)
      .join(', ')}, x.v, SUM(x.n) AS n, ${sums('x.')}
    FROM (
      ${
        rollups
          ? ''
          : `${keptPart(set, keys, keptKeys, keptLeadingKeys)}
      UNION ALL`
      } SELECT w.period, ${keys
    .map(k => `w.${k}`)
    .join(', ')}, w.ak_workdays AS v, SUM(w.n) AS n, ${sums('w.')}
        FROM counted w GROUP BY w.period, ${keys
          .map(k => `w.${k}`)
          .join(', ')}, w.ak_workdays
    ) x
    GROUP BY x.period, ${keys.map(k => `x.${k}`).join(', ')}, x.v
  )`;
  return `WITH ${selectionCtes({
    dialect,
    scoped,
    withPrevious: true,
    unkept: true,
    otherKeptFacts: true,
  })},
  ${workedOutFactsCtes('worked')},
  counted AS (
    SELECT w.period, w.unit_ref, w.type, w.channel, w.area, w.month, ${KEPT_FACT_COLUMNS.map(
      c => `w.${c}`,
    ).join(', ')}, 1 AS n
    FROM worked w
    UNION ALL ${atClosingFacts(dialect, 'cur', scoped)}
    UNION ALL ${atClosingFacts(dialect, 'prev', scoped)}
    UNION ALL ${interimFacts(dialect, 'cur', scoped)}
    UNION ALL ${interimFacts(dialect, 'prev', scoped)}
    ${
      rollups
        ? (['cur', 'prev'] as const)
            .map(
              prefix => `UNION ALL ${keptBesideRollups(dialect, prefix, scoped)}
    UNION ALL ${pendingRolledUp(dialect, prefix, scoped)}`,
            )
            .join('\n    ')
        : ''
    }
  ),
  ${dialect === 'pg' && !rollups ? `${keptGroups},` : ''}
  ${grouping(
    'by_unit',
    'unit',
    ['unit_ref', 'type', 'channel', 'area'],
    ['f.unit_ref', 'f.type', 'f.channel', 'f.area'],
  )},
  ${grouping(
    'by_month',
    'month',
    ['month'],
    ['substr(f.received_date, 1, 7)'],
    ['f.unit_ref'],
  )},
  ${dimensionCtes(dialect, scoped, rollups)},
  cumulative AS (
    SELECT period, dim, k, v,
      CAST(SUM(c) OVER (PARTITION BY period, dim, k ORDER BY v
        ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS INTEGER) AS up_to,
      CAST(SUM(c) OVER (PARTITION BY period, dim, k) AS INTEGER) AS n
    FROM hist
  ),
  pct AS (
    SELECT period, dim, k,
      MIN(CASE WHEN up_to >= (50 * n + 99) / 100 THEN v END) AS median,
      MIN(CASE WHEN up_to >= (90 * n + 99) / 100 THEN v END) AS p90
    FROM cumulative GROUP BY period, dim, k
  )
  SELECT g.period, g.dim, g.k, g.n, g.anon, g.fs_itid, g.fs_sent, g.fs_pag,
    g.ak_itid, g.ak_sent, g.ak_pag, g.open_end, g.forsenad, g.improvement, g.ak_n,
    pc.median, pc.p90
  FROM grouped g
  LEFT JOIN pct pc ON pc.period = g.period AND pc.dim = g.dim AND pc.k = g.k`;
}

/**
 * The improvements of the current period, in (unit title, id) order: the synpunkter closed by
 * the end of the period with "led to an improvement". Those whose kept facts hold for the period
 * are found from their facts, the rest worked out; only the listed page is then read from the
 * synpunkter. Selects no personal data: the description is the one staff wrote when closing.
 *
 * Named bindings besides the period's: `afterTitle`, `afterId` (when `after`), `limit` (when
 * `limited`).
 */
export function improvementsSql(
  dialect: SqlDialect,
  scoped: boolean,
  after: boolean,
  /** Without a limit the whole list is read in one query, through a cursor or a stream. */
  limited = true,
): string {
  const ctes = selectionCtes({
    dialect,
    scoped,
    withPrevious: false,
    improvementCandidates: true,
    unkept: true,
  });
  const live = `SELECT eff.id, eff.unit_ref, 1 AS live FROM eff
    WHERE eff.closed_at_end = 1 AND eff.improvement_at_end = 1`;
  const listed =
    dialect === 'pg' && scoped && limited
      ? pageUnitByUnit(live, after)
      : wholeListSorted(dialect, scoped, live, after, limited);
  return `WITH ${ctes},
  ${listed}
  SELECT l.unit_ref, l.unit_title, s.type, s.area, s.closed_date,
    e.closed_at_instant, COALESCE(e.reopened, 0) AS reopened,
    CASE WHEN l.live = 1 THEN e.improvement_text_at_end
      ELSE s.improvement_description END AS description,
    l.id
  FROM listed l
  JOIN synpunkter s ON s.id = l.id
  LEFT JOIN eff e ON l.live = 1 AND e.id = l.id
  ORDER BY l.unit_title, l.id`;
}

/**
 * The improvements found in `source` (id, unit_ref, live) with their unit's title, past the last
 * one listed when `after`.
 */
function withUnitTitle(source: string, after: boolean): string {
  return `SELECT found.id, found.unit_ref, found.live,
      COALESCE(u.title, found.unit_ref) AS unit_title
    FROM ${source} found
    LEFT JOIN org_units u ON u.unit_ref = found.unit_ref
    ${
      after
        ? 'WHERE (COALESCE(u.title, found.unit_ref), found.id) > (:afterTitle, :afterId)'
        : ''
    }`;
}

/**
 * `listed`: every improvement of the period, worked out (`live`) and kept, joined with its unit's
 * title and sorted, then the page of it.
 */
function wholeListSorted(
  dialect: SqlDialect,
  scoped: boolean,
  live: string,
  after: boolean,
  limited: boolean,
): string {
  // The whole list (an export) must not take the partial index on SQLite: it then joins and
  // sorts all of them differently, 9.3 s instead of 1.5 s for 138,000 on the bench's million.
  const keptImprovement = limited
    ? 'f.improvement'
    : notIndexedOnSqlite(dialect, 'f.improvement');
  return `found AS (
    ${live}
    UNION ALL
    SELECT f.synpunkt_id, f.unit_ref, 0 FROM report_facts f
    WHERE ${keptCondition(dialect, 'cur', scoped)} AND ${keptImprovement} = 1
  ),
  listed AS (
    ${withUnitTitle('found', after)}
    ORDER BY unit_title, found.id
    ${limited ? 'LIMIT :limit' : ''}
  )`;
}

/**
 * `listed` on PostgreSQL for a scope: a page of the kept improvements read unit by unit in title
 * order, each unit's first ones by id from the improvements index, until the page is full; beside
 * it the page of the few worked out. Sorting all of a kommun's five years (138,000 on the bench's
 * million) by title to return fifty took 300-400 ms. Units of one title are merged by id, as the
 * sort would: each gives at most a page.
 */
function pageUnitByUnit(live: string, after: boolean): string {
  return `kept_page AS (
    SELECT k.id, su.unit_ref, 0 AS live, su.unit_title
    FROM (
      SELECT c.descendant_ref AS unit_ref,
        COALESCE(u.title, c.descendant_ref) AS unit_title
      FROM org_unit_closure c
      LEFT JOIN org_units u ON u.unit_ref = c.descendant_ref
      WHERE c.ancestor_ref = :scope
        ${after ? 'AND COALESCE(u.title, c.descendant_ref) >= :afterTitle' : ''}
      ORDER BY unit_title
    ) su
    CROSS JOIN LATERAL (
      SELECT f.synpunkt_id AS id FROM report_facts f
      WHERE f.unit_ref = su.unit_ref AND f.improvement = 1
        AND ${keptCondition('pg', 'cur', false)}
        ${
          // Past the last one listed: in its unit's title, only the ids after it.
          after
            ? `AND f.synpunkt_id > CASE WHEN su.unit_title = :afterTitle
                THEN :afterId ELSE '' END`
            : ''
        }
      ORDER BY f.synpunkt_id
      LIMIT :limit
    ) k
    ORDER BY su.unit_title, k.id
    LIMIT :limit
  ),
  live_page AS (
    ${withUnitTitle(`(${live})`, after)}
  ),
  listed AS (
    SELECT * FROM kept_page
    UNION ALL
    SELECT * FROM live_page
    ORDER BY unit_title, id
    LIMIT :limit
  )`;
}

/** The last day of `report_calendar`: a settled date after it cannot be worked out. */
export const LAST_CALENDAR_DAY = '2100-12-31';

/** The latest of the dates (`YYYY-MM-DD`), a null one counting as none: '' when all are null. */
function latestDate(dialect: SqlDialect, values: string[]): string {
  return `${dialect === 'pg' ? 'GREATEST' : 'MAX'}(${values
    .map(v => `COALESCE(${v}, '')`)
    .join(', ')})`;
}

/** The earliest of the dates, a null one counting as none: '9999-12-31' when all are null. */
function earliestDate(dialect: SqlDialect, values: string[]): string {
  return `${dialect === 'pg' ? 'LEAST' : 'MIN'}(${values
    .map(v => `COALESCE(${v}, '9999-12-31')`)
    .join(', ')})`;
}

/**
 * The first day from which a synpunkt's facts stop changing as time passes while nobody writes
 * to it: the latest of its arrival, closing, first svar (or its deadline, when not given yet),
 * återkoppling (or its deadline) and the days its pauses began and ended. An open pause stops the
 * återkoppling clock, so from the day it began the facts hold still. A missing deadline, which
 * only a damaged row has, makes it never settle. A reopened synpunkt's state at the end of a
 * period comes from its history; once closed again, its last closing is on its row and after
 * every reopening, so from its settled date on its history no longer changes its facts either.
 */
function settledDateExpression(dialect: SqlDialect): string {
  const latest = (values: string[]) => latestDate(dialect, values);
  const clock = (event: string, due: string) =>
    `CASE WHEN s.anonymous THEN NULL ELSE COALESCE(${event}, ${due}, '9999-12-31') END`;
  // A reopened synpunkt's last closing or reopening is read from its history up to the end of a
  // period's last day: the entry is on its row's closing date when written by the registry, but
  // whatever wrote it, the synpunkt settles no earlier than the day after the entry's UTC date
  // (its date in Stockholm is that one or the next).
  const lastReopeningOrClosing = `(SELECT MAX(substr(h.at, 1, 10)) FROM synpunkt_events h
      WHERE h.synpunkt_id = s.id AND h.kind IN ('avslutad', 'ateroppnad'))`;
  const dayAfter = (date: string) =>
    dialect === 'pg'
      ? `to_char(CAST(${date} AS date) + 1, 'YYYY-MM-DD')`
      : `date(${date}, '+1 day')`;
  return latest([
    's.arrival_date',
    's.closed_date',
    clock('s.forsta_svar_date', 's.forsta_svar_due'),
    clock('s.aterkoppling_date', 's.aterkoppling_due'),
    '(SELECT MAX(COALESCE(p.to_date, p.from_date)) FROM synpunkt_pauses p WHERE p.synpunkt_id = s.id)',
    `CASE WHEN ${EVER_REOPENED('s.id')} THEN ${dayAfter(
      lastReopeningOrClosing,
    )} END`,
  ]);
}

/**
 * The pending synpunkter whose ids lie from `:first` to `:last`, as the CTE `candidates`: the
 * columns their facts are worked out from, their settled date and whether a pause is open.
 */
function pendingCandidatesCte(dialect: SqlDialect): string {
  // Materialized: each reference to a candidate's column would run its subqueries again.
  return `candidates AS MATERIALIZED (
      SELECT ${SELECTED_COLUMNS},
        ${settledDateExpression(dialect)} AS settled_date,
        CASE WHEN EXISTS (SELECT 1 FROM synpunkt_pauses op
          WHERE op.synpunkt_id = s.id AND op.to_date IS NULL) THEN 1 ELSE 0 END AS open_pause
      -- CROSS JOIN: SQLite reads the pending range first and each synpunkt by its id. Given
      -- statistics (ANALYZE), it drove from the synpunkter instead, skip-scanning an index
      -- for the id range: over a million, with a WAL grown large under writes, 40-265 ms of
      -- the main thread for every batch, however small. PostgreSQL plans it as any join.
      FROM report_facts_pending q
      CROSS JOIN synpunkter s
      WHERE s.id = q.synpunkt_id
        AND q.synpunkt_id >= :first AND q.synpunkt_id <= :last
    )`;
}

/** A candidate whose settled date the calendar reaches. */
const SETTLED_IN_CALENDAR = `c.settled_date <= '${LAST_CALENDAR_DAY}'`;

/** A candidate settled within the calendar, never reopened or closed again since. */
const KEEPABLE = `(c.reopened = 0 OR c.closed_date IS NOT NULL) AND ${SETTLED_IN_CALENDAR}`;

/**
 * A candidate whose facts can be kept for days before it settled (at closing dates, interim):
 * settled within the calendar and never reopened, as those facts are worked out without the
 * instant that ends each day, which a reopened one's history is read up to.
 */
const KEEPABLE_BEFORE_SETTLED = `c.reopened = 0 AND ${SETTLED_IN_CALENDAR}`;

/**
 * An instant after every history entry: the facts at a settled date count a reopened synpunkt's
 * whole history, all of it written by the last closing on or before that date.
 */
const AFTER_EVERY_ENTRY = '9999-12-31T00:00:00.000Z';

/** The node has units below it. */
const hasUnitsBelow = (node: string) =>
  `EXISTS (SELECT 1 FROM org_unit_closure b WHERE b.ancestor_ref = ${node} AND b.depth > 0)`;

/**
 * Adds (`sign` 1) or subtracts (-1) the rolled-up kept facts of the pending synpunkter whose ids
 * lie from `:first` to `:last` to or from `report_rollups` (see its migration): the facts job
 * subtracts a batch's old facts before it drops them and adds its new ones once kept. Grouped
 * first, so that each roll-up row is written once a batch, and in key order, so that two writers
 * lock rows in the same order.
 */
export function rollupDeltaSql(sign: 1 | -1): string {
  const dims = dimensionRows(['all', ...ROLLUP_BREAKDOWNS]);
  const key = `CASE d.dim ${ROLLUP_BREAKDOWNS.map(
    b => `WHEN '${b}' THEN f.${b}`,
  ).join(' ')} ELSE '' END`;
  return `INSERT INTO report_rollups (node_ref, month, dim, k, v, n, ${SUMMED.join(
    ', ',
  )})
    SELECT c.ancestor_ref, f.rollup_month, d.dim, ${key}, COALESCE(f.ak_workdays, -1),
      ${sign} * COUNT(*), ${SUMMED.map(m => `${sign} * SUM(f.${m})`).join(', ')}
    FROM report_facts f
    JOIN org_unit_closure c ON c.descendant_ref = f.unit_ref
    CROSS JOIN (${dims}) d
    WHERE f.rollup_month IS NOT NULL
      AND f.synpunkt_id IN (SELECT q.synpunkt_id FROM report_facts_pending q
        WHERE q.synpunkt_id >= :first AND q.synpunkt_id <= :last)
      -- By the breakdowns too for a node that a report reads them of: one with units below it,
      -- and a root, whose roll-ups a report without a scope reads.
      AND (d.dim = 'all' OR ${hasUnitsBelow('c.ancestor_ref')}
        OR ${isRoot('c.ancestor_ref')})
    GROUP BY c.ancestor_ref, f.rollup_month, d.dim, ${key}, COALESCE(f.ak_workdays, -1)
    ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (node_ref, month, dim, k, v) DO UPDATE SET
      n = report_rollups.n + excluded.n,
      ${SUMMED.map(m => `${m} = report_rollups.${m} + excluded.${m}`).join(
        ',\n      ',
      )}`;
}

/**
 * Keeps the facts of the pending synpunkter whose ids lie from `:first` to `:last` (their old
 * facts deleted first): each worked out at its settled date, with the same SQL a report works them
 * out with. A reopened one not closed again, or one whose settled date is beyond the calendar, is
 * kept with no settled date, so that reports always work it out. So is one whose återkoppling is
 * still running at its settled date without an open pause: its deadline on the row no longer
 * matches the calendar (a changed one), and only working it out on each report gives the right
 * answer.
 */
export function keepFactsSql(dialect: SqlDialect): string {
  const kept = KEPT_FACT_COLUMNS;
  return `INSERT INTO report_facts (synpunkt_id, received_date, unit_ref, type, channel, area,
      settled_date, ${kept.join(', ')}, rollup_month)
    WITH ${pendingCandidatesCte(dialect)},
    sel AS (
      SELECT c.*, 'settled' AS period, c.settled_date AS state_date, c.settled_date AS cutoff,
        '${AFTER_EVERY_ENTRY}' AS end_instant
      FROM candidates c
      WHERE ${KEEPABLE}
    ),
    ${effectiveCte(dialect)},
    ${workedOutFactsCtes('worked')}
    SELECT k.*,
      -- A unit outside the tree has no node to be rolled up into.
      CASE WHEN k.settled_date < ${startOfMonthAfterNext(
        dialect,
        'k.received_date',
      )} AND EXISTS (SELECT 1 FROM org_unit_closure t
          WHERE t.descendant_ref = k.unit_ref)
        THEN substr(k.received_date, 1, 7) END
    FROM (
      SELECT w.id, w.received_date, w.unit_ref, w.type, w.channel, w.area,
        CASE WHEN w.ak_pag = 1 AND c.open_pause = 0 THEN NULL ELSE c.settled_date END
          AS settled_date,
        ${kept.map(k => `w.${k}`).join(', ')}
      FROM worked w JOIN candidates c ON c.id = w.id
      UNION ALL
      SELECT c.id, c.received_date, c.unit_ref, c.type, c.channel, c.area, NULL,
        ${SUMMED.map(() => '0').join(', ')}, NULL
      FROM candidates c
      WHERE NOT (${KEEPABLE})
    ) k`;
}

/** The first day of the month after the month after that of `date` (`YYYY-MM-DD`). */
function startOfMonthAfterNext(dialect: SqlDialect, date: string): string {
  return dialect === 'pg'
    ? `to_char(date_trunc('month', CAST(${date} AS date)) + interval '2 months', 'YYYY-MM-DD')`
    : `date(${date}, 'start of month', '+2 months')`;
}

/**
 * Keeps the facts at closing dates of the same pending synpunkter as {@link keepFactsSql} (their
 * old ones deleted first): for every closing date from the day each was received to the day
 * before it settled, its facts as a period that ended that day reads them, worked out with the
 * same SQL. The closing dates are the calendar's days whose month and day (`MM-DD`) are bound as
 * `:closing0`, `:closing1`, … (`closingCount` of them): the last days of the helår and the delår.
 */
export function keepFactsAtClosingSql(
  dialect: SqlDialect,
  closingCount: number,
): string {
  const closings = Array.from(
    { length: closingCount },
    (_, i) => `:closing${i}`,
  ).join(', ');
  return `INSERT INTO report_facts_at_closing (synpunkt_id, closing_date, received_date,
      unit_ref, type, channel, area, ${KEPT_FACT_COLUMNS.join(', ')})
    WITH ${pendingCandidatesCte(dialect)},
    sel AS (
      -- The closing date is the period's name: one synpunkt is worked out for each.
      SELECT c.*, d.day AS period, d.day AS state_date, d.day AS cutoff, NULL AS end_instant
      -- CROSS JOIN: SQLite reads each candidate's days by their range on the calendar's key;
      -- as a JOIN it walked the whole calendar (to 2100) for every batch.
      FROM candidates c
      CROSS JOIN report_calendar d
      WHERE d.day >= c.received_date AND d.day < c.settled_date
        AND ${KEEPABLE_BEFORE_SETTLED} AND substr(d.day, 6) IN (${closings})
    ),
    ${effectiveCte(dialect)},
    ${workedOutFactsCtes('worked')}
    SELECT w.id, w.period, w.received_date, w.unit_ref, w.type, w.channel, w.area,
      ${KEPT_FACT_COLUMNS.map(k => `w.${k}`).join(', ')}
    FROM worked w`;
}

/**
 * Keeps the interim facts (`report_facts_interim`, see its migration) of the same pending
 * synpunkter as {@link keepFactsSql}, after it (their old ones deleted first): for each one never
 * paused nor reopened, whose kept facts do not hold yet for a report running on `:today` (its
 * settled date after `:yesterday`, that report's cutoff), its facts as that report works them
 * out, with the window in which they hold. Named bindings besides the range: `today`,
 * `yesterday`.
 */
export function keepFactsInterimSql(dialect: SqlDialect): string {
  // A deadline that still ran (its event not given by today) is where the facts change: for
  // första svar its date, as reports compare it; for återkoppling the day the arbetsdagar since
  // arrival reach the svarstid on the calendar, as reports count them (the row's deadline can
  // differ after a changed calendar).
  const passedBy = (step: string) =>
    `CASE WHEN ${step} <= :yesterday THEN ${step} END`;
  const notPassedBy = (step: string) =>
    `CASE WHEN ${step} > :yesterday THEN ${step} END`;
  return `INSERT INTO report_facts_interim (synpunkt_id, received_date, unit_ref, type, channel,
      area, settled_date, state_from, cutoff_from, cutoff_until, ${KEPT_FACT_COLUMNS.join(
        ', ',
      )})
    WITH ${pendingCandidatesCte(dialect)},
    sel AS (
      -- Only those whose facts just kept do not hold for a report running today: a bulk keep
      -- (a million after an upgrade) would otherwise work nearly all of them out once more.
      -- CROSS JOIN: SQLite reads the batch's few candidates first, each kept fact by its key.
      SELECT c.*, f.settled_date AS kept_settled_date, 'interim' AS period,
        :today AS state_date, :yesterday AS cutoff, NULL AS end_instant
      FROM candidates c
      CROSS JOIN report_facts f
      WHERE f.synpunkt_id = c.id
        AND (f.settled_date IS NULL OR f.settled_date > :yesterday)
        AND ${KEEPABLE_BEFORE_SETTLED} AND c.has_pause = 0
        AND ${latestDate(dialect, [
          'c.forsta_svar_date',
          'c.aterkoppling_date',
          'c.closed_date',
        ])} <= :today
    ),
    ${effectiveCte(dialect)},
    ${workedOutFactsCtes('worked')},
    steps AS (
      SELECT d.id, d.kept_settled_date,
        CASE WHEN d.anon = 0 AND d.fs_date IS NULL THEN d.forsta_svar_due END AS fs_step,
        CASE WHEN d.anon = 0 AND d.ak_date IS NULL THEN 1 ELSE 0 END AS ak_running,
        CASE WHEN d.anon = 0 AND d.ak_date IS NULL THEN (
          SELECT k.day FROM report_calendar k
          WHERE k.ordinal >= ca.ordinal + d.aterkoppling_days
          ORDER BY k.ordinal, k.day LIMIT 1) END AS ak_step,
        NULLIF(${latestDate(dialect, [
          'd.forsta_svar_date',
          'd.ak_first',
          'd.closed_date',
        ])}, '') AS state_from
      FROM clocked d
      LEFT JOIN report_calendar ca ON ca.day = d.arrival_date
    )
    SELECT w.id, w.received_date, w.unit_ref, w.type, w.channel, w.area,
      st.kept_settled_date,
      st.state_from,
      NULLIF(${latestDate(dialect, [
        passedBy('st.fs_step'),
        passedBy('st.ak_step'),
      ])}, ''),
      NULLIF(${earliestDate(dialect, [
        notPassedBy('st.fs_step'),
        notPassedBy('st.ak_step'),
      ])}, '9999-12-31'),
      ${KEPT_FACT_COLUMNS.map(k => `w.${k}`).join(', ')}
    FROM worked w
    JOIN steps st ON st.id = w.id
    -- An återkoppling deadline beyond the calendar: no window can be told.
    WHERE NOT (st.ak_running = 1 AND st.ak_step IS NULL)`;
}
