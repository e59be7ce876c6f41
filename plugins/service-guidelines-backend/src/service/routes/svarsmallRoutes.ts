import {
  entityRefSchema,
  svarsmallManagePermission,
} from '@service-guidelines/plugin-service-guidelines-common';
import Router from 'express-promise-router';
import { z } from 'zod';
import { parseInput } from '../parseInput';
import { SvarsmallService } from '../synpunkter/SvarsmallService';
import { CallerResolver } from './callerAccess';

const listQuerySchema = z.strictObject({ unit: entityRefSchema('group') });

/** Svarsmallar: read by anyone handling synpunkter, kept by those allowed to manage them. */
export function createSvarsmallRoutes(options: {
  callers: CallerResolver;
  svarsmallar: SvarsmallService;
}) {
  const { callers, svarsmallar } = options;
  const router = Router();
  const denied = 'You may not keep svarsmallar';

  router.get('/svarsmallar', async (req, res) => {
    await callers.user(req);
    const { unit } = parseInput(listQuerySchema, req.query, 'query');
    res.json({ items: await svarsmallar.listForUnit(unit) });
  });

  router.post('/svarsmallar', async (req, res) => {
    const credentials = await callers.user(req);
    await callers.require(credentials, svarsmallManagePermission, denied);
    res
      .status(201)
      .json(
        await svarsmallar.create(req.body, credentials.principal.userEntityRef),
      );
  });

  router.put('/svarsmallar/:id', async (req, res) => {
    const credentials = await callers.user(req);
    await callers.require(credentials, svarsmallManagePermission, denied);
    res.json(
      await svarsmallar.update(
        req.params.id,
        req.body,
        credentials.principal.userEntityRef,
      ),
    );
  });

  router.delete('/svarsmallar/:id', async (req, res) => {
    const credentials = await callers.user(req);
    await callers.require(credentials, svarsmallManagePermission, denied);
    await svarsmallar.remove(req.params.id);
    res.status(204).end();
  });

  return router;
}
