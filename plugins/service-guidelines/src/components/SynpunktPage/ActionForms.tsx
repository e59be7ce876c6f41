import { identityApiRef, useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import {
  Alert,
  Button,
  Card,
  CardBody,
  Checkbox,
  Flex,
  Select,
  Text,
  TextAreaField,
  TextField,
} from '@backstage/ui';
import {
  ALLOWED_FROM,
  ATERKOPPLING_METHODS,
  AterkopplingMethod,
  Svarsmall,
  Synpunkt,
  WorkflowAction,
} from '@service-guidelines/plugin-service-guidelines-common';
import { FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import useAsync from 'react-use/esm/useAsync';
import {
  serviceGuidelinesApiRef,
  SynpunktAction,
} from '../../api/ServiceGuidelinesApi';
import { serviceGuidelinesTranslationRef } from '../../translation';
import { FactRow } from '../shared/FactList';
import { serverProblemOf } from '../shared/serverErrors';
import { ConflictComparison } from './ConflictComparison';

type FormValues = Record<string, string | boolean>;

interface ActionSpec {
  action: SynpunktAction;
  workflow: WorkflowAction;
  label: string;
  /** Whether the action applies to this synpunkt beyond its status. */
  applies: (s: Synpunkt) => boolean;
}

/**
 * The workflow actions the signed-in person may take on a synpunkt, each as a small form. A
 * failed action keeps what was typed and shows the server's words; a conflict (someone else
 * changed the synpunkt) reloads it, shows the person's change beside what was saved meanwhile, and
 * keeps the input so that saving again applies it to the new version.
 */
export function ActionForms(props: {
  synpunkt: Synpunkt;
  onChanged: (synpunkt: Synpunkt) => void;
  onConflict: () => void;
}) {
  const [conflictBase, setConflictBase] = useState<Synpunkt>();
  const { synpunkt } = props;
  const { t } = useTranslationRef(serviceGuidelinesTranslationRef);
  const api = useApi(serviceGuidelinesApiRef);
  const identityApi = useApi(identityApiRef);
  const [open, setOpen] = useState<SynpunktAction>();
  const [values, setValues] = useState<FormValues>({});
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  const templates = useAsync(
    () => api.listSvarsmallar(synpunkt.unitRef),
    [api, synpunkt.unitRef],
  );

  const paused = synpunkt.pauses.some(p => !p.to);
  const specs: ActionSpec[] = [
    {
      action: 'assign',
      workflow: 'assign',
      label: t('actions.assign'),
      applies: () => true,
    },
    {
      action: 'forsta-svar',
      workflow: 'forstaSvar',
      label: t('actions.forstaSvar'),
      applies: s =>
        !s.anonymous && Boolean(s.forstaSvar) && !s.forstaSvar?.date,
    },
    {
      action: 'pause',
      workflow: 'pause',
      label: t('actions.pause'),
      applies: s => !s.anonymous && !paused,
    },
    {
      action: 'resume',
      workflow: 'resume',
      label: t('actions.resume'),
      applies: () => paused,
    },
    {
      action: 'utredning',
      workflow: 'utredning',
      label: t('actions.utredning'),
      applies: () => true,
    },
    {
      action: 'aterkoppling',
      workflow: 'aterkoppling',
      label: t('actions.aterkoppling'),
      applies: s => !s.anonymous,
    },
    {
      action: 'close',
      workflow: 'close',
      label: t('actions.close'),
      applies: () => true,
    },
    {
      action: 'reopen',
      workflow: 'reopen',
      label: t('actions.reopen'),
      applies: () => true,
    },
  ];
  const available = specs.filter(
    spec =>
      ALLOWED_FROM[spec.workflow].includes(synpunkt.status) &&
      spec.applies(synpunkt),
  );

  const set = (key: string, value: string | boolean) =>
    setValues(v => ({ ...v, [key]: value }));

  const start = (action: SynpunktAction) => {
    setOpen(action);
    setFailure(undefined);
    setFieldErrors({});
    setConflictBase(undefined);
  };

  // What the person typed, in the words of the form, for the conflict comparison.
  const typedFacts = (): FactRow[] => {
    const labels: Record<string, string> = {
      handlaggareRef: t('actions.handlaggareRef'),
      reason:
        open === 'reopen'
          ? t('actions.reopenReason')
          : t('actions.pauseReason'),
      text: t('actions.utredningText'),
      method: t('actions.method'),
      summary: t('actions.summary'),
      outcome: t('actions.outcome'),
      ledToImprovement: t('actions.ledToImprovement'),
      improvementDescription: t('actions.improvementDescription'),
    };
    const label = available.find(a => a.action === open)?.label ?? '';
    return [
      [t('actions.title'), label],
      ...Object.entries(values)
        .filter(([key, value]) => labels[key] && value !== '')
        .map(([key, value]): FactRow => {
          if (typeof value === 'boolean') {
            return [
              labels[key],
              value ? t('detail.conflict.yes') : t('detail.conflict.no'),
            ];
          }
          if (key === 'method') {
            return [
              labels[key],
              t(`synpunkt.methods.${value as AterkopplingMethod}`),
            ];
          }
          return [labels[key], value];
        }),
    ];
  };

  const assignToMe = async () => {
    const { userEntityRef } = await identityApi.getBackstageIdentity();
    set('handlaggareRef', userEntityRef);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!open) return;
    setBusy(true);
    setFailure(undefined);
    try {
      const body: { version: number } & Record<string, unknown> = {
        version: synpunkt.version,
      };
      for (const [key, value] of Object.entries(values)) {
        if (value !== '') body[key] = value;
      }
      if (open === 'close')
        body.ledToImprovement = Boolean(values.ledToImprovement);
      const updated = await api.actOnSynpunkt(synpunkt.id, open, body);
      setValues({});
      setOpen(undefined);
      setFieldErrors({});
      setConflictBase(undefined);
      props.onChanged(updated);
    } catch (error) {
      const problem = serverProblemOf(error);
      setFieldErrors(problem.fields);
      if (problem.status === 409) {
        // The first conflict's base stays: it is what the person saw when they began.
        setConflictBase(base => base ?? synpunkt);
        setFailure(undefined);
        props.onConflict();
      } else {
        setFailure(problem.message);
      }
    } finally {
      setBusy(false);
    }
  };

  if (available.length === 0) return null;

  return (
    <section aria-labelledby="sg-actions-title">
      <Flex direction="column" gap="3">
        <Text as="h2" variant="title-small" id="sg-actions-title">
          {t('actions.title')}
        </Text>
        <Flex gap="2" style={{ flexWrap: 'wrap' }}>
          {available.map(spec => (
            <Button
              key={spec.action}
              variant={open === spec.action ? 'primary' : 'secondary'}
              aria-expanded={open === spec.action}
              onPress={() => start(spec.action)}
            >
              {spec.label}
            </Button>
          ))}
        </Flex>
        {open && (
          <Card>
            <CardBody>
              <Form
                onSubmit={submit}
                validationErrors={fieldErrors}
                validationBehavior="aria"
                aria-label={available.find(a => a.action === open)?.label}
              >
                <Flex direction="column" gap="3">
                  {conflictBase && (
                    <ConflictComparison
                      before={conflictBase}
                      now={synpunkt}
                      mine={typedFacts()}
                    />
                  )}
                  {failure && (
                    <Alert
                      status="danger"
                      role="alert"
                      title={t('actions.failed')}
                      description={failure}
                    />
                  )}
                  {open === 'assign' && (
                    <Flex gap="2" align="end">
                      <TextField
                        name="handlaggareRef"
                        label={t('actions.handlaggareRef')}
                        isRequired
                        secondaryLabel={t('form.required')}
                        value={String(values.handlaggareRef ?? '')}
                        onChange={v => set('handlaggareRef', v)}
                      />
                      <Button variant="secondary" onPress={assignToMe}>
                        {t('actions.assignToMe')}
                      </Button>
                    </Flex>
                  )}
                  {open === 'pause' && (
                    <TextField
                      name="reason"
                      label={t('actions.pauseReason')}
                      isRequired
                      secondaryLabel={t('form.required')}
                      value={String(values.reason ?? '')}
                      onChange={v => set('reason', v)}
                    />
                  )}
                  {open === 'utredning' && (
                    <TextAreaField
                      name="text"
                      label={t('actions.utredningText')}
                      isRequired
                      secondaryLabel={t('form.required')}
                      value={String(values.text ?? '')}
                      onChange={v => set('text', v)}
                    />
                  )}
                  {open === 'aterkoppling' && (
                    <>
                      <Select
                        name="method"
                        label={t('actions.method')}
                        isRequired
                        secondaryLabel={t('form.required')}
                        options={ATERKOPPLING_METHODS.map(m => ({
                          id: m,
                          label: t(`synpunkt.methods.${m}`),
                        }))}
                        value={(values.method as string) || null}
                        onChange={v => set('method', String(v ?? ''))}
                      />
                      <Select
                        label={t('actions.template')}
                        options={[
                          { id: '', label: t('actions.noTemplate') },
                          ...(templates.value ?? []).map((m: Svarsmall) => ({
                            id: m.id,
                            label: m.title,
                          })),
                        ]}
                        value=""
                        onChange={id => {
                          const template = templates.value?.find(
                            m => m.id === id,
                          );
                          if (template) set('summary', template.body);
                        }}
                      />
                      <TextAreaField
                        name="summary"
                        label={t('actions.summary')}
                        isRequired
                        secondaryLabel={t('form.required')}
                        rows={5}
                        value={String(values.summary ?? '')}
                        onChange={v => set('summary', v)}
                      />
                    </>
                  )}
                  {open === 'close' && (
                    <>
                      <TextAreaField
                        name="outcome"
                        label={t('actions.outcome')}
                        isRequired
                        secondaryLabel={t('form.required')}
                        value={String(values.outcome ?? '')}
                        onChange={v => set('outcome', v)}
                      />
                      <Checkbox
                        isSelected={Boolean(values.ledToImprovement)}
                        onChange={v => set('ledToImprovement', v)}
                      >
                        {t('actions.ledToImprovement')}
                      </Checkbox>
                      {values.ledToImprovement && (
                        <TextAreaField
                          name="improvementDescription"
                          label={t('actions.improvementDescription')}
                          isRequired
                          secondaryLabel={t('form.required')}
                          value={String(values.improvementDescription ?? '')}
                          onChange={v => set('improvementDescription', v)}
                        />
                      )}
                    </>
                  )}
                  {open === 'reopen' && (
                    <TextField
                      name="reason"
                      label={t('actions.reopenReason')}
                      isRequired
                      secondaryLabel={t('form.required')}
                      value={String(values.reason ?? '')}
                      onChange={v => set('reason', v)}
                    />
                  )}
                  <Flex gap="2">
                    <Button type="submit" variant="primary" isPending={busy}>
                      {t('actions.save')}
                    </Button>
                    <Button
                      variant="secondary"
                      onPress={() => setOpen(undefined)}
                    >
                      {t('actions.cancel')}
                    </Button>
                  </Flex>
                </Flex>
              </Form>
            </CardBody>
          </Card>
        )}
      </Flex>
    </section>
  );
}
