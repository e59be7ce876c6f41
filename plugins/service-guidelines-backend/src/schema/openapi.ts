import {
  aterkopplingSchema,
  assignSchema,
  closeSchema,
  forstaSvarSchema,
  followUpOverviewQuerySchema,
  gallringPageQuerySchema,
  listUppfoljningarQuerySchema,
  recordUppfoljningSchema,
  updateUppfoljningSchema,
  listSynpunkterQuerySchema,
  pauseSchema,
  registerSynpunktSchema,
  reopenSchema,
  reportExportQuerySchema,
  reportQuerySchema,
  resumeSchema,
  svarsmallSchema,
  updateSvarsmallSchema,
  updateSynpunktSchema,
  utredningSchema,
} from '@service-guidelines/plugin-service-guidelines-common';
import { z } from 'zod';

type JsonSchema = Record<string, unknown>;

const bodySchema = (schema: z.ZodType): JsonSchema => {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
  }) as JsonSchema;
  return rest;
};

const errorResponse = (description: string) => ({
  description,
  content: {
    'application/json': {
      schema: {
        type: 'object',
        properties: {
          error: {
            type: 'object',
            properties: {
              name: { type: 'string' },
              message: { type: 'string' },
              fields: {
                type: 'array',
                description: 'For 400: each bad field and what to fix',
                items: {
                  type: 'object',
                  properties: {
                    field: { type: 'string' },
                    message: { type: 'string' },
                  },
                },
              },
              current: {
                type: 'object',
                description:
                  'For 409: the current state, without personal data',
              },
            },
          },
        },
      },
    },
  },
});

const standardErrors = {
  '400': errorResponse(
    'Bad input: the message names each field and what to fix',
  ),
  '401': errorResponse('Not signed in'),
  '403': errorResponse('Not allowed'),
  '404': errorResponse('No such synpunkt'),
  '409': errorResponse('Changed by someone else since the given version'),
};

const json = (description: string) => ({
  description,
  content: { 'application/json': { schema: { type: 'object' } } },
});

const idParameter = {
  name: 'id',
  in: 'path',
  required: true,
  schema: { type: 'string', format: 'uuid' },
};

const action = (summary: string, schema: z.ZodType) => ({
  post: {
    summary,
    parameters: [idParameter],
    requestBody: {
      required: true,
      content: { 'application/json': { schema: bodySchema(schema) } },
    },
    responses: {
      '200': json('The synpunkt after the action'),
      ...standardErrors,
    },
  },
});

function queryParameters(schema: z.ZodObject): object[] {
  const jsonSchema = bodySchema(schema) as {
    properties: Record<string, JsonSchema>;
  };
  return Object.entries(jsonSchema.properties).map(([name, property]) => ({
    name,
    in: 'query',
    required: false,
    schema: property,
  }));
}

/**
 * The OpenAPI document of the plugin's API, built from the same zod schemas that validate the
 * requests, so that the description cannot drift from what the server accepts.
 */
export function buildOpenApiDocument(version: string) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'service-guidelines',
      version,
      description:
        'Synpunkter (beröm, klagomål, förslag) with svarstider in arbetsdagar. Every route needs a signed-in user (Authorization: Bearer <Backstage token>).',
    },
    servers: [{ url: '/api/service-guidelines' }],
    paths: {
      '/health': {
        get: {
          summary: 'Plugin version and database in use',
          responses: {
            '200': json('Health status'),
            '401': standardErrors['401'],
          },
        },
      },
      '/synpunkter': {
        get: {
          summary:
            'List the synpunkter the caller may read, newest registration first, one page at a time',
          parameters: queryParameters(listSynpunkterQuerySchema),
          responses: {
            '200': json('{ items, nextCursor? }'),
            '400': standardErrors['400'],
            '401': standardErrors['401'],
          },
        },
        post: {
          summary:
            'Register a synpunkt; a matter that is not one (fraga, felanmalan, …) gets 400 with guidance',
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: bodySchema(registerSynpunktSchema),
              },
            },
          },
          responses: {
            '201': json('The registered synpunkt'),
            ...standardErrors,
          },
        },
      },
      '/synpunkter/{id}': {
        get: {
          summary: 'One synpunkt with its history',
          parameters: [idParameter],
          responses: { '200': json('The synpunkt'), ...standardErrors },
        },
        patch: {
          summary: 'Correct fields recorded at registration',
          parameters: [idParameter],
          requestBody: {
            required: true,
            content: {
              'application/json': { schema: bodySchema(updateSynpunktSchema) },
            },
          },
          responses: { '200': json('The synpunkt'), ...standardErrors },
        },
      },
      '/synpunkter/{id}/assign': action('Assign a handläggare', assignSchema),
      '/synpunkter/{id}/forsta-svar': action(
        'Record that the customer got första svar',
        forstaSvarSchema,
      ),
      '/synpunkter/{id}/pause': action(
        'Pause the svarstid clock while waiting for the customer',
        pauseSchema,
      ),
      '/synpunkter/{id}/resume': action(
        'Resume the svarstid clock',
        resumeSchema,
      ),
      '/synpunkter/{id}/utredning': action(
        'Record the utredning',
        utredningSchema,
      ),
      '/synpunkter/{id}/aterkoppling': action(
        'Record the återkoppling given to the customer',
        aterkopplingSchema,
      ),
      '/synpunkter/{id}/close': action(
        'Close with what was done and whether it led to an improvement',
        closeSchema,
      ),
      '/synpunkter/{id}/reopen': action(
        'Reopen a closed synpunkt',
        reopenSchema,
      ),
      '/svarsmallar': {
        get: {
          summary: 'Svarsmallar of a unit and of the units above it',
          parameters: [
            {
              name: 'unit',
              in: 'query',
              required: true,
              schema: { type: 'string' },
            },
          ],
          responses: { '200': json('{ items }'), ...standardErrors },
        },
        post: {
          summary: 'Add a svarsmall',
          requestBody: {
            required: true,
            content: {
              'application/json': { schema: bodySchema(svarsmallSchema) },
            },
          },
          responses: { '201': json('The svarsmall'), ...standardErrors },
        },
      },
      '/svarsmallar/{id}': {
        put: {
          summary: 'Change a svarsmall',
          parameters: [idParameter],
          requestBody: {
            required: true,
            content: {
              'application/json': { schema: bodySchema(updateSvarsmallSchema) },
            },
          },
          responses: { '200': json('The svarsmall'), ...standardErrors },
        },
        delete: {
          summary: 'Remove a svarsmall',
          parameters: [idParameter],
          responses: { '204': { description: 'Removed' }, ...standardErrors },
        },
      },
      '/reports/options': {
        get: {
          summary:
            'What the caller can make reports for: the delår, and the units within their reach (report readers and administrators)',
          responses: {
            '200': json('ReportOptions'),
            '401': standardErrors['401'],
            '403': standardErrors['403'],
          },
        },
      },
      '/reports/synpunkter': {
        get: {
          summary:
            'Aggregated, anonymous figures for a period (delår, helår, range) and a unit with every unit below it, beside the previous period, with the definition of every measure',
          parameters: queryParameters(reportQuerySchema),
          responses: {
            '200': json('SynpunktReport'),
            '400': standardErrors['400'],
            '401': standardErrors['401'],
            '403': standardErrors['403'],
          },
        },
      },
      '/reports/synpunkter/export': {
        get: {
          summary:
            'The same report as a file to download: XLSX, CSV (UTF-8 with BOM, semicolons, decimal comma by default) or PDF',
          parameters: queryParameters(reportExportQuerySchema),
          responses: {
            '200': {
              description: 'The file, as an attachment',
              content: {
                'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet':
                  { schema: { type: 'string', format: 'binary' } },
                'text/csv': { schema: { type: 'string' } },
                'application/pdf': {
                  schema: { type: 'string', format: 'binary' },
                },
              },
            },
            '400': standardErrors['400'],
            '401': standardErrors['401'],
            '403': standardErrors['403'],
          },
        },
      },
      '/gallring/preview': {
        get: {
          summary:
            'Dry run of the next gallring (administrators): the closed synpunkter whose retention has passed, with the rule and the fields that would be cleared; no personal data',
          parameters: queryParameters(gallringPageQuerySchema),
          responses: {
            '200': json('GallringPreview'),
            '400': standardErrors['400'],
            '401': standardErrors['401'],
            '403': standardErrors['403'],
          },
        },
      },
      '/gallring/log': {
        get: {
          summary:
            'The gallringslogg, newest first (administrators): which synpunkt was cleared of what, when and under which rule; no personal data',
          parameters: queryParameters(gallringPageQuerySchema),
          responses: {
            '200': json('GallringLogPage'),
            '400': standardErrors['400'],
            '401': standardErrors['401'],
            '403': standardErrors['403'],
          },
        },
      },
      '/uppfoljning/oversikt': {
        get: {
          summary:
            "Min uppföljning: every unit the caller leads (from the catalog's chef annotations, with the units below), with open, overdue, due-soon and closed counts and the latest uppföljning",
          parameters: queryParameters(followUpOverviewQuerySchema),
          responses: { '200': json('FollowUpOverview'), ...standardErrors },
        },
      },
      '/uppfoljningar': {
        get: {
          summary:
            "A unit's uppföljningar, newest first (chefs of the unit and above)",
          parameters: queryParameters(listUppfoljningarQuerySchema),
          responses: { '200': json('{ items }'), ...standardErrors },
        },
        post: {
          summary: 'Record that a unit reviewed its synpunkter with the staff',
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: bodySchema(recordUppfoljningSchema),
              },
            },
          },
          responses: { '201': json('The uppföljning'), ...standardErrors },
        },
      },
      '/uppfoljningar/{id}': {
        get: {
          summary: 'One uppföljning',
          parameters: [idParameter],
          responses: { '200': json('The uppföljning'), ...standardErrors },
        },
        put: {
          summary:
            'Replace an uppföljning (only the chef who recorded it), e.g. to mark actions carried out; 409 with the current record if it changed meanwhile',
          parameters: [idParameter],
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: bodySchema(updateUppfoljningSchema),
              },
            },
          },
          responses: { '200': json('The uppföljning'), ...standardErrors },
        },
      },
      '/openapi.json': {
        get: {
          summary: 'This document',
          responses: { '200': json('OpenAPI 3.1') },
        },
      },
    },
  };
}
