import {
  reportExportQuerySchema,
  reportQuerySchema,
  reportReadPermission,
} from '@service-guidelines/plugin-service-guidelines-common';
import Router from 'express-promise-router';
import { pipeline } from 'node:stream/promises';
import { ReportReachResolver } from '../../report/ReportReachResolver';
import { ReportService } from '../../report/ReportService';
import { parseInput } from '../parseInput';
import { CallerResolver } from './callerAccess';

/** A response through the compression middleware, which adds `flush()`. */
interface Flushable {
  flush(): void;
}

/** Reports on synpunkter: aggregated, anonymous figures for report readers and administrators. */
export function createReportRoutes(options: {
  callers: CallerResolver;
  reports: ReportService;
  reportReach: ReportReachResolver;
}) {
  const { callers, reports, reportReach } = options;
  const router = Router();
  const denied = 'Only report readers and administrators may read reports';

  router.get('/reports/options', async (req, res) => {
    const credentials = await callers.user(req);
    await callers.require(credentials, reportReadPermission, denied);
    res.json(await reports.options(await reportReach.reachOf(credentials)));
  });

  router.get('/reports/synpunkter', async (req, res) => {
    const credentials = await callers.user(req);
    await callers.require(credentials, reportReadPermission, denied);
    const query = parseInput(reportQuerySchema, req.query, 'query');
    res.json(
      await reports.report(query, await reportReach.reachOf(credentials)),
    );
  });

  router.get('/reports/synpunkter/export', async (req, res) => {
    const credentials = await callers.user(req);
    await callers.require(credentials, reportReadPermission, denied);
    const query = parseInput(reportExportQuerySchema, req.query, 'query');
    const file = await reports.exportFile(
      query,
      await reportReach.reachOf(credentials),
    );
    res.setHeader('Content-Type', file.contentType);
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="${file.filename}"`,
    );
    res.setHeader('Cache-Control', 'no-store');
    // The frontend names the saved file from this header; across origins (the dev server)
    // a browser shows it to scripts only when exposed.
    res.setHeader('Access-Control-Expose-Headers', 'Content-Disposition');
    // The download starts with what is known before the figures (headers, and for CSV the title
    // and period lines). If producing the rest fails, pipeline destroys the response, so the
    // client sees a broken download rather than a complete-looking, truncated file.
    const sending = pipeline(file.body, res);
    // Backstage's compression middleware holds small writes back until it has a block; the first
    // chunk is pushed out at once. pipe() has written it to res by the time this listener runs.
    file.body.once('data', () => (res as Partial<Flushable>).flush?.());
    await sending;
  });

  return router;
}
