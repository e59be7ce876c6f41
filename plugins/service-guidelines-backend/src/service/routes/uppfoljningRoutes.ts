import { listUppfoljningarQuerySchema } from '@service-guidelines/plugin-service-guidelines-common';
import Router from 'express-promise-router';
import { parseInput } from '../parseInput';
import { FollowUpService } from '../uppfoljning/FollowUpService';
import { CallerResolver } from './callerAccess';

/**
 * Follow-up per chef: "Min uppföljning" and the uppföljning records. Scope is decided by the
 * service from the catalog's chef annotations, for every request.
 */
export function createUppfoljningRoutes(options: {
  callers: CallerResolver;
  followUp: FollowUpService;
}) {
  const { callers, followUp } = options;
  const router = Router();
  const userRefOf = async (req: Parameters<CallerResolver['user']>[0]) =>
    (await callers.user(req)).principal.userEntityRef;

  router.get('/uppfoljning/oversikt', async (req, res) => {
    res.json(await followUp.overview(req.query, await userRefOf(req)));
  });

  router.get('/uppfoljningar', async (req, res) => {
    const userRef = await userRefOf(req);
    const { unit } = parseInput(
      listUppfoljningarQuerySchema,
      req.query,
      'query',
    );
    res.json({ items: await followUp.listForUnit(unit, userRef) });
  });

  router.get('/uppfoljningar/:id', async (req, res) => {
    res.json(await followUp.get(req.params.id, await userRefOf(req)));
  });

  router.post('/uppfoljningar', async (req, res) => {
    res.status(201).json(await followUp.record(req.body, await userRefOf(req)));
  });

  router.put('/uppfoljningar/:id', async (req, res) => {
    res.json(
      await followUp.update(req.params.id, req.body, await userRefOf(req)),
    );
  });

  return router;
}
