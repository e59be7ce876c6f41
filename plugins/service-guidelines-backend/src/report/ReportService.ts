import { InputError, NotAllowedError } from '@backstage/errors';
import {
  CHANNELS,
  ReportDimension,
  ReportFigures,
  ReportOptions,
  ReportPeriod,
  ReportExportQuery,
  ReportQuery,
  ReportRow,
  ReportUnitOption,
  SYNPUNKT_TYPES,
  stockholmDateOf,
  SynpunktReport,
  UppfoljningFigure,
} from '@service-guidelines/plugin-service-guidelines-common';
import { DateTime } from 'luxon';
import { OrganisationStore, OrgUnit } from '../database/OrganisationStore';
import { MEASURE_DEFINITIONS, UPPFOLJNING_NOT_AVAILABLE } from './definitions';
import {
  deadlineCutoffOf,
  endInstantOf,
  monthsOf,
  resolvePeriods,
} from './period';
import { reportFile, ReportFile } from './exporters';
import { ReportFigureSet, ReportFrame } from './exporters/exportContent';
import { PeriodBounds } from './reportSql';
import {
  emptyFigures,
  FigureRow,
  ReportSelection,
  ReportStore,
} from './ReportStore';
import { ReportSettings } from './settings';

/**
 * Which part of the organisation a caller may report on: all of it, or the subtrees of the
 * given units (a report reader limited to a nämnd).
 */
export type ReportReach = 'all' | string[];

/** A report with the selection its improvements are read from. */
export interface PreparedReport {
  report: SynpunktReport;
  selection: ReportSelection;
}

/** A request resolved to its scope, periods and selection: validated and within the reach. */
interface ResolvedReport {
  frame: ReportFrame;
  selection: ReportSelection;
  scope: OrgUnit | undefined;
}

/**
 * Builds the reports of R4 from the aggregates of {@link ReportStore}: resolves the period and
 * the scope, checks the caller's reach, and lays the figures out as the page and the exports
 * show them.
 */
export class ReportService {
  constructor(
    private readonly deps: {
      store: ReportStore;
      organisation: OrganisationStore;
      settings: ReportSettings;
      areas: ReadonlyArray<{ id: string; title: string }>;
      organisationName: string;
      clock: () => Date;
      /** Brings the organisation mirror up to date when a unit asked for is not in it yet. */
      refreshOrganisation?: () => Promise<void>;
      /** Where "Andel enheter uppföljda" comes from; without it the measure is not available. */
      followUps?: {
        unitTypes: readonly string[];
        unitsFollowedUp(
          unitRefs: string[],
          from: string,
          to: string,
        ): Promise<Set<string>>;
      };
    },
  ) {}

  /** The periods and units the caller can choose from. */
  async options(reach: ReportReach): Promise<ReportOptions> {
    let units = await this.units();
    if (units.length === 0 && this.deps.refreshOrganisation) {
      // Just after start-up the mirror of the catalog may not have been filled yet.
      await this.deps.refreshOrganisation();
      units = await this.units();
    }
    const roots =
      reach === 'all'
        ? units.filter(
            u => !u.parentRef || !units.some(p => p.unitRef === u.parentRef),
          )
        : units.filter(u => reach.includes(u.unitRef));
    const options: ReportUnitOption[] = [];
    for (const root of roots) {
      options.push(...this.subtree(units, root.unitRef));
    }
    return {
      delar: this.deps.settings.delar,
      maxYears: 5,
      wholeOrganisation: reach === 'all',
      organisation: this.deps.organisationName,
      units: options,
    };
  }

  /** The report for a validated query, as far as the caller may see. */
  async report(
    query: ReportQuery,
    reach: ReportReach,
  ): Promise<SynpunktReport> {
    return (await this.prepare(query, reach)).report;
  }

  /** The report with its first page of improvements, and its selection. */
  async prepare(
    query: ReportQuery,
    reach: ReportReach,
  ): Promise<PreparedReport> {
    const resolved = await this.resolve(query, reach);
    const { frame, selection } = resolved;
    const [figures, firstImprovements] = await Promise.all([
      this.figureSet(resolved),
      this.deps.store.improvements(selection, {
        limit: this.deps.settings.improvementsPageSize,
      }),
    ]);
    const report: SynpunktReport = {
      generatedAt: frame.generatedAt,
      organisation: frame.organisation,
      scope: frame.scope,
      period: frame.period,
      previousPeriod: frame.previousPeriod,
      total: figures.total,
      breakdowns: figures.breakdowns,
      improvements: {
        total: figures.total.current.forbattringar,
        items: firstImprovements.map(({ id: _id, ...item }) => ({
          ...item,
          areaTitle: this.areaTitle(item.area),
        })),
        truncated:
          firstImprovements.length < figures.total.current.forbattringar,
      },
      uppfoljning: figures.uppfoljning,
      definitions: frame.definitions,
    };
    return { report, selection };
  }

  /**
   * The scope, periods and selection of a request, refusing bad input (InputError) and a scope
   * beyond the caller's reach (NotAllowedError). Reads no synpunkter.
   */
  private async resolve(
    query: ReportQuery,
    reach: ReportReach,
  ): Promise<ResolvedReport> {
    const today = stockholmDateOf(this.deps.clock());
    const scope = await this.resolveScope(query.unit, reach);
    const { period, previousPeriod } = resolvePeriods(
      query,
      this.deps.settings,
      today,
    );
    const selection: ReportSelection = {
      scopeUnitRef: scope?.unitRef ?? null,
      current: this.bounds(period, today),
      previous: this.bounds(previousPeriod, today),
    };
    const frame: ReportFrame = {
      generatedAt: this.deps.clock().toISOString(),
      organisation: this.deps.organisationName,
      scope: scope
        ? { unitRef: scope.unitRef, title: scope.title, type: scope.type }
        : { unitRef: null, title: this.deps.organisationName, type: null },
      period,
      previousPeriod,
      definitions: [...MEASURE_DEFINITIONS],
    };
    return { frame, selection, scope };
  }

  /** The figures of a resolved report: the aggregation, laid out as the page shows them. */
  private async figureSet({
    frame,
    selection,
    scope,
  }: ResolvedReport): Promise<ReportFigureSet> {
    const { period, previousPeriod } = frame;
    const figures = await this.deps.store.figures(selection);
    const units = await this.units();
    const total = {
      current: this.find(figures, 'current', 'total', 'all') ?? emptyFigures(),
      previous:
        this.find(figures, 'previous', 'total', 'all') ?? emptyFigures(),
    };
    return {
      total,
      breakdowns: {
        type: this.rows(
          figures,
          'type',
          SYNPUNKT_TYPES.map(key => ({ key, label: key })),
        ),
        channel: this.rows(
          figures,
          'channel',
          CHANNELS.map(key => ({ key, label: key })),
        ),
        area: this.rows(
          figures,
          'area',
          this.deps.areas.map(a => ({ key: a.id, label: a.title })),
          key => ({ key, label: this.areaTitle(key) }),
        ),
        month: this.monthRows(figures, period),
        unit: this.rows(
          figures,
          'unit',
          scope
            ? this.subtree(units, scope.unitRef).map(u => ({
                key: u.unitRef,
                label: u.title,
                depth: u.depth,
              }))
            : this.wholeTree(units),
        ),
      },
      uppfoljning: {
        current: await this.uppfoljning(units, scope?.unitRef, period),
        previous: await this.uppfoljning(units, scope?.unitRef, previousPeriod),
      },
    };
  }

  /**
   * The report as a file in the requested format. Bad input and a scope beyond the caller's
   * reach are refused before this returns; the figures are computed while the file's first lines
   * are sent, and the improvements read while the rest is. A failure after this returns fails
   * the file's body.
   */
  async exportFile(
    query: ReportExportQuery,
    reach: ReportReach,
  ): Promise<ReportFile> {
    const { format, decimal, lang, ...reportQuery } = query;
    const resolved = await this.resolve(reportQuery, reach);
    const figures = this.figureSet(resolved);
    // The body awaits the figures only after its first lines have been read; a failure before
    // then is not unhandled but reaches the body when it gets there.
    figures.catch(() => {});
    return reportFile(
      resolved.frame,
      figures,
      this.improvements(resolved.selection),
      { format, decimal, language: lang },
    );
  }

  /** Every improvement of a selection, read while it is consumed, with area titles. */
  async *improvements(selection: ReportSelection) {
    for await (const item of this.deps.store.allImprovements(selection)) {
      const { id: _id, ...rest } = item;
      yield { ...rest, areaTitle: this.areaTitle(item.area) };
    }
  }

  private areaTitle(id: string): string {
    return this.deps.areas.find(a => a.id === id)?.title ?? id;
  }

  private bounds(period: ReportPeriod, today: string): PeriodBounds {
    return {
      from: period.from,
      to: period.to,
      stateDate: period.stateDate,
      cutoff: deadlineCutoffOf(period, today),
      endInstant: endInstantOf(period.stateDate),
    };
  }

  /**
   * Andel enheter uppföljda (MEASURES.md): enheter in the scope with at least one uppföljning
   * dated in the period ÷ enheter in the scope.
   */
  private async uppfoljning(
    units: OrgUnit[],
    scopeRef: string | undefined,
    period: { from: string; to: string },
  ): Promise<UppfoljningFigure> {
    const followUps = this.deps.followUps;
    if (!followUps) {
      return { available: false, note: UPPFOLJNING_NOT_AVAILABLE };
    }
    const inScope = scopeRef
      ? new Set(this.subtree(units, scopeRef).map(u => u.unitRef))
      : undefined;
    const enheter = units
      .filter(u => followUps.unitTypes.includes(u.type))
      .filter(u => !inScope || inScope.has(u.unitRef))
      .map(u => u.unitRef);
    const uppfoljda = enheter.length
      ? (await followUps.unitsFollowedUp(enheter, period.from, period.to)).size
      : 0;
    return {
      available: true,
      enheter: enheter.length,
      uppfoljda,
      andel: enheter.length ? uppfoljda / enheter.length : null,
    };
  }

  private async units(): Promise<OrgUnit[]> {
    return this.deps.organisation.listUnits();
  }

  private async resolveScope(
    unitRef: string | undefined,
    reach: ReportReach,
  ): Promise<OrgUnit | undefined> {
    const { organisation } = this.deps;
    if (!unitRef) {
      if (reach === 'all') return undefined;
      if (reach.length === 1) {
        return this.requireUnit(reach[0]);
      }
      throw new InputError(
        `unit: you may report on ${reach.join(
          ', ',
        )}; choose one of them or a unit below it`,
      );
    }
    const unit = await this.requireUnit(unitRef);
    if (reach !== 'all') {
      const ancestors = await this.ancestorsOf(unit.unitRef);
      if (!reach.some(root => ancestors.includes(root))) {
        throw new NotAllowedError(
          `You may report on ${reach.join(', ')} and the units below, not on ${
            unit.title
          }`,
        );
      }
    }
    return (await organisation.getUnit(unit.unitRef)) ?? unit;
  }

  private async requireUnit(unitRef: string): Promise<OrgUnit> {
    let unit = await this.deps.organisation.getUnit(unitRef);
    if (!unit && this.deps.refreshOrganisation) {
      await this.deps.refreshOrganisation();
      unit = await this.deps.organisation.getUnit(unitRef);
    }
    if (!unit) {
      throw new InputError(
        `unit: '${unitRef}' is not a unit of the organisation; choose a kommun, nämnd, förvaltning or enhet`,
      );
    }
    return unit;
  }

  private async ancestorsOf(unitRef: string): Promise<string[]> {
    const units = await this.units();
    const parentOf = new Map(units.map(u => [u.unitRef, u.parentRef]));
    const result: string[] = [];
    let current: string | undefined = unitRef;
    while (current && !result.includes(current)) {
      result.push(current);
      current = parentOf.get(current);
    }
    return result;
  }

  /** The unit and every unit below it, depth first by title, with their depth below it. */
  private subtree(units: OrgUnit[], rootRef: string): ReportUnitOption[] {
    const children = new Map<string, OrgUnit[]>();
    for (const unit of units) {
      if (!unit.parentRef) continue;
      const list = children.get(unit.parentRef) ?? [];
      list.push(unit);
      children.set(unit.parentRef, list);
    }
    const root = units.find(u => u.unitRef === rootRef);
    if (!root) return [];
    const result: ReportUnitOption[] = [];
    const seen = new Set<string>();
    const visit = (unit: OrgUnit, depth: number) => {
      if (seen.has(unit.unitRef)) return;
      seen.add(unit.unitRef);
      result.push({
        unitRef: unit.unitRef,
        title: unit.title,
        type: unit.type,
        depth,
      });
      const below = [...(children.get(unit.unitRef) ?? [])].sort((a, b) =>
        a.title.localeCompare(b.title, 'sv'),
      );
      for (const child of below) visit(child, depth + 1);
    };
    visit(root, 0);
    return result;
  }

  private wholeTree(units: OrgUnit[]) {
    const known = new Set(units.map(u => u.unitRef));
    return units
      .filter(u => !u.parentRef || !known.has(u.parentRef))
      .sort((a, b) => a.title.localeCompare(b.title, 'sv'))
      .flatMap(root => this.subtree(units, root.unitRef))
      .map(u => ({ key: u.unitRef, label: u.title, depth: u.depth }));
  }

  private find(
    figures: FigureRow[],
    period: FigureRow['period'],
    dimension: FigureRow['dimension'],
    key: string,
  ): ReportFigures | undefined {
    return figures.find(
      f => f.period === period && f.dimension === dimension && f.key === key,
    )?.figures;
  }

  /**
   * The rows of a breakdown: every expected key (all types, channels, configured areas, units of
   * the scope) with zeros where there are none, and any other key the data holds (an area no
   * longer configured) after them.
   */
  private rows(
    figures: FigureRow[],
    dimension: ReportDimension,
    expected: Array<{ key: string; label: string; depth?: number }>,
    labelOf?: (key: string) => { key: string; label: string },
  ): ReportRow[] {
    const keys = [...expected];
    if (labelOf) {
      for (const f of figures) {
        if (f.dimension === dimension && !keys.some(k => k.key === f.key)) {
          keys.push(labelOf(f.key));
        }
      }
    }
    return keys.map(({ key, label, depth }) => ({
      key,
      label,
      ...(depth === undefined ? {} : { depth }),
      current: this.find(figures, 'current', dimension, key) ?? emptyFigures(),
      previous:
        this.find(figures, 'previous', dimension, key) ?? emptyFigures(),
    }));
  }

  /** Every month of the period; beside each, the same month a year earlier for delår and helår. */
  private monthRows(figures: FigureRow[], period: ReportPeriod): ReportRow[] {
    return monthsOf(period).map(key => {
      const yearEarlier = DateTime.fromISO(`${key}-01`, { zone: 'UTC' })
        .minus({ years: 1 })
        .toFormat('yyyy-MM');
      return {
        key,
        label: key,
        current: this.find(figures, 'current', 'month', key) ?? emptyFigures(),
        previous:
          period.kind === 'range'
            ? null
            : this.find(figures, 'previous', 'month', yearEarlier) ??
              emptyFigures(),
      };
    });
  }
}
