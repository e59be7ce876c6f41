import {
  listSynpunkterQuerySchema,
  stockholmDateOf,
  SvarstidRules,
  synpunktCreatePermission,
} from '@service-guidelines/plugin-service-guidelines-common';
import Router from 'express-promise-router';
import { OrganisationStore } from '../../database/OrganisationStore';
import { SynpunktListFilter } from '../../database/SynpunktStore';
import { parseInput } from '../parseInput';
import { SynpunktService } from '../synpunkter/SynpunktService';
import { CallerResolver } from './callerAccess';

/** The synpunkt registry's HTTP API: thin handlers over {@link SynpunktService}. */
export function createSynpunktRoutes(options: {
  callers: CallerResolver;
  synpunkter: SynpunktService;
  organisation: OrganisationStore;
  rules: SvarstidRules;
  clock: () => Date;
}) {
  const { callers, synpunkter, organisation, rules, clock } = options;
  const router = Router();

  router.post('/synpunkter', async (req, res) => {
    // Only create is asked: the registering employee sees what they typed in the answer
    // whatever their read access, so no other decision shapes it.
    const credentials = await callers.user(req);
    await callers.require(
      credentials,
      synpunktCreatePermission,
      'You may not register synpunkter',
    );
    const registeredBy = { userRef: credentials.principal.userEntityRef };
    res.status(201).json(await synpunkter.register(req.body, registeredBy));
  });

  router.get('/synpunkter', async (req, res) => {
    const query = parseInput(listSynpunkterQuerySchema, req.query, 'query');
    const caller = await callers.synpunktAccess(req);
    const today = stockholmDateOf(clock().toISOString());
    const filter: SynpunktListFilter = {
      statuses: query.status,
      types: query.type,
      channels: query.channel,
      // A unit includes every unit below it in the organisation tree.
      unitRefs: query.unit
        ? await organisation.unitsBelow(query.unit)
        : undefined,
      area: query.area,
      handlaggareRef: query.handlaggare,
      mineFor: query.mine === 'true' ? caller.userRef : undefined,
      open: query.open === undefined ? undefined : query.open === 'true',
      overdueOn: query.overdue === 'true' ? today : undefined,
      dueBy:
        query.dueWithinDays !== undefined
          ? rules.calendar.addWorkingDays(today, query.dueWithinDays)
          : undefined,
      dueFrom: query.dueFrom,
      receivedFrom: query.receivedFrom,
      receivedTo: query.receivedTo,
      closedFrom: query.closedFrom,
      closedTo: query.closedTo,
      text: query.q,
    };
    res.json(
      await synpunkter.list(
        {
          filter,
          sort: query.sort,
          limit: query.limit,
          cursor: query.cursor,
        },
        caller,
      ),
    );
  });

  router.get('/synpunkter/:id', async (req, res) => {
    const caller = await callers.synpunktAccess(req);
    res.json(await synpunkter.get(req.params.id, caller));
  });

  router.patch('/synpunkter/:id', async (req, res) => {
    const caller = await callers.synpunktAccess(req);
    res.json(await synpunkter.update(req.params.id, req.body, caller));
  });

  const actions = {
    assign: synpunkter.assign,
    'forsta-svar': synpunkter.recordForstaSvar,
    pause: synpunkter.pause,
    resume: synpunkter.resume,
    utredning: synpunkter.recordUtredning,
    aterkoppling: synpunkter.giveAterkoppling,
    close: synpunkter.close,
    reopen: synpunkter.reopen,
  } as const;
  for (const [path, action] of Object.entries(actions)) {
    router.post(`/synpunkter/:id/${path}`, async (req, res) => {
      const caller = await callers.synpunktAccess(req);
      res.json(await action.call(synpunkter, req.params.id, req.body, caller));
    });
  }

  return router;
}
