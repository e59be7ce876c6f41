import {
  gallringPageQuerySchema,
  gallringReadPermission,
} from '@service-guidelines/plugin-service-guidelines-common';
import Router from 'express-promise-router';
import { Gallring } from '../../tasks/gallring';
import { parseInput } from '../parseInput';
import { CallerResolver } from './callerAccess';

/** Gallring for administrators: a dry run of the next run, and the gallringslogg. */
export function createGallringRoutes(options: {
  callers: CallerResolver;
  gallring: Gallring;
}) {
  const { callers, gallring } = options;
  const router = Router();
  const denied = 'Only administrators may see the gallring and its log';

  router.get('/gallring/preview', async (req, res) => {
    const credentials = await callers.user(req);
    await callers.require(credentials, gallringReadPermission, denied);
    const query = parseInput(gallringPageQuerySchema, req.query, 'query');
    res.json(await gallring.preview(query));
  });

  router.get('/gallring/log', async (req, res) => {
    const credentials = await callers.user(req);
    await callers.require(credentials, gallringReadPermission, denied);
    const query = parseInput(gallringPageQuerySchema, req.query, 'query');
    res.json(await gallring.log(query));
  });

  return router;
}
