import { AuditorService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { JsonObject } from '@backstage/types';
import {
  createFortroendevaldSchema,
  endUppdragSchema,
  fortroendevaldaManagePermission,
  ImportPlan,
  listFortroendevaldaQuerySchema,
  updateFortroendevaldSchema,
  uppdragChangeSchema,
  versionQuerySchema,
} from '@service-guidelines/plugin-service-guidelines-common';
import express, { NextFunction, Request, Response } from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { FortroendevaldService } from '../fortroendevalda/FortroendevaldService';
import { parseInput } from '../parseInput';
import { CallerResolver } from './callerAccess';

/** An import file larger than this is refused with 413 before it is read. */
const MAX_IMPORT_BYTES = '5mb';

const importQuerySchema = z.object({
  format: z.enum(['csv', 'json'], { error: 'must be csv or json' }).optional(),
  planToken: z
    .string()
    .regex(/^[0-9a-f]{32}$/, 'must be the planToken of a dry run')
    .optional(),
});

/** The uploaded file's bytes: the request body, whatever its content type. */
function uploadedFile(req: Request): Uint8Array {
  if (Buffer.isBuffer(req.body) && req.body.length > 0) {
    return req.body;
  }
  throw new InputError(
    'Send the file as the request body, e.g. curl --data-binary @fortroendevalda.csv -H "Content-Type: text/csv"',
  );
}

const importSummary = (plan: ImportPlan): JsonObject => ({
  format: plan.format,
  rows: plan.rowCount,
  peopleAdded: plan.people.added.length,
  peopleChanged: plan.people.changed.length,
  uppdragAdded: plan.uppdrag.added.length,
  uppdragChanged: plan.uppdrag.changed.length,
  uppdragEnded: plan.uppdrag.ended.length,
  uppdragRemoved: plan.uppdrag.removed.length,
});

/**
 * The directory of förtroendevalda: reading for every signed-in person, writing and importing
 * for those with `fortroendevaldaManagePermission`. Handlers are thin: credentials, permission,
 * validated input, the service, the answer.
 */
export function createFortroendevaldaRoutes(options: {
  callers: CallerResolver;
  fortroendevalda: FortroendevaldService;
  auditor: AuditorService;
}) {
  const { callers, fortroendevalda: service, auditor } = options;
  const router = Router();

  const requireManager = async (req: Request) => {
    const credentials = await callers.user(req);
    await callers.require(
      credentials,
      fortroendevaldaManagePermission,
      'You may not change the directory of förtroendevalda',
    );
  };

  /** Runs a write as an audit event: who did what to which förtroendevald, and whether it worked. */
  async function audited<T>(
    req: Request,
    eventId: string,
    meta: JsonObject,
    write: () => Promise<T>,
    resultMeta?: (result: T) => JsonObject,
  ): Promise<T> {
    const event = await auditor.createEvent({
      eventId,
      severityLevel: 'medium',
      request: req,
      meta,
    });
    try {
      const result = await write();
      await event.success(
        resultMeta ? { meta: resultMeta(result) } : undefined,
      );
      return result;
    } catch (error) {
      await event.fail({ error: error as Error });
      throw error;
    }
  }

  router.get('/fortroendevalda', async (req, res) => {
    await callers.user(req);
    const query = parseInput(
      listFortroendevaldaQuerySchema,
      req.query,
      'query',
    );
    res.json(await service.list(query));
  });

  router.get('/fortroendevalda/facets', async (req, res) => {
    await callers.user(req);
    res.json(await service.facets());
  });

  router.get('/fortroendevalda/organs', async (req, res) => {
    await callers.user(req);
    res.json({ items: await service.knownOrgans() });
  });

  router.get('/fortroendevalda/:id', async (req, res) => {
    await callers.user(req);
    res.json(await service.get(req.params.id));
  });

  router.post('/fortroendevalda', async (req, res) => {
    await requireManager(req);
    const input = parseInput(createFortroendevaldSchema, req.body);
    const created = await audited(
      req,
      'fortroendevald-create',
      { email: input.email },
      () => service.create(input),
      person => ({ id: person.id }),
    );
    res.status(201).json(created);
  });

  router.put('/fortroendevalda/:id', async (req, res) => {
    await requireManager(req);
    const input = parseInput(updateFortroendevaldSchema, req.body);
    res.json(
      await audited(req, 'fortroendevald-update', { id: req.params.id }, () =>
        service.update(req.params.id, input),
      ),
    );
  });

  router.delete('/fortroendevalda/:id', async (req, res) => {
    await requireManager(req);
    const { version } = parseInput(versionQuerySchema, req.query, 'query');
    await audited(req, 'fortroendevald-remove', { id: req.params.id }, () =>
      service.remove(req.params.id, version),
    );
    res.status(204).end();
  });

  router.post('/fortroendevalda/:id/uppdrag', async (req, res) => {
    await requireManager(req);
    const input = parseInput(uppdragChangeSchema, req.body);
    res
      .status(201)
      .json(
        await audited(req, 'uppdrag-add', { id: req.params.id }, () =>
          service.addUppdrag(req.params.id, input),
        ),
      );
  });

  router.put('/fortroendevalda/:id/uppdrag/:uppdragId', async (req, res) => {
    await requireManager(req);
    const input = parseInput(uppdragChangeSchema, req.body);
    const { id, uppdragId } = req.params;
    res.json(
      await audited(req, 'uppdrag-change', { id, uppdragId }, () =>
        service.changeUppdrag(id, uppdragId, input),
      ),
    );
  });

  router.post(
    '/fortroendevalda/:id/uppdrag/:uppdragId/end',
    async (req, res) => {
      await requireManager(req);
      const input = parseInput(endUppdragSchema, req.body);
      const { id, uppdragId } = req.params;
      res.json(
        await audited(req, 'uppdrag-end', { id, uppdragId }, () =>
          service.endUppdrag(id, uppdragId, input),
        ),
      );
    },
  );

  router.delete('/fortroendevalda/:id/uppdrag/:uppdragId', async (req, res) => {
    await requireManager(req);
    const { version } = parseInput(versionQuerySchema, req.query, 'query');
    const { id, uppdragId } = req.params;
    res.json(
      await audited(req, 'uppdrag-remove', { id, uppdragId }, () =>
        service.removeUppdrag(id, uppdragId, version),
      ),
    );
  });

  // The permission is checked before the body is read: nobody else gets to upload 5 MB.
  const importRoute = (dryRun: boolean) => [
    async (req: Request, _res: Response, next: NextFunction) => {
      await requireManager(req);
      next();
    },
    express.raw({ type: () => true, limit: MAX_IMPORT_BYTES }),
    async (req: Request, res: Response) => {
      const query = parseInput(importQuerySchema, req.query, 'query');
      const file = uploadedFile(req);
      const run = () =>
        service.importFile(file, {
          dryRun,
          format: query.format,
          planToken: query.planToken,
        });
      // A dry run changes nothing and is not audited; an apply is.
      res.json(
        dryRun
          ? await run()
          : await audited(
              req,
              'fortroendevalda-import',
              { bytes: file.length },
              run,
              importSummary,
            ),
      );
    },
  ];
  router.post('/fortroendevalda/import/dry-run', ...importRoute(true));
  router.post('/fortroendevalda/import/apply', ...importRoute(false));

  return router;
}
