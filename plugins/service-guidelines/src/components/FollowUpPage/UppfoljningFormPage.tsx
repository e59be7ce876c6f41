import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import {
  Alert,
  Button,
  Checkbox,
  Container,
  Flex,
  Header,
  Link,
  Skeleton,
  Text,
  TextAreaField,
  TextField,
} from '@backstage/ui';
import {
  stockholmDateOf,
  TEXT_LIMITS,
} from '@service-guidelines/plugin-service-guidelines-common';
import { FormEvent, useEffect, useRef, useState } from 'react';
import { Form } from 'react-aria-components';
import { useNavigate, useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { serviceGuidelinesApiRef } from '../../api/ServiceGuidelinesApi';
import { useFocusFirstError } from '../../hooks/useFocusFirstError';
import { useFormatters } from '../../hooks/useFormatters';
import { useLeaveGuard } from '../../hooks/useLeaveGuard';
import { followUpRouteRef } from '../../routes';
import { serviceGuidelinesTranslationRef } from '../../translation';
import { serverProblemOf } from '../shared/serverErrors';
import { useUnitTitle } from './useUnitTitle';

interface ActionDraft {
  description: string;
  responsible: string;
  dueDate: string;
}

interface Draft {
  heldDate: string;
  participants: string;
  synpunktIds: string[];
  conclusions: string;
  actions: ActionDraft[];
}

const emptyAction: ActionDraft = {
  description: '',
  responsible: '',
  dueDate: '',
};

/**
 * Records an uppföljning of a unit: when, who took part, which synpunkter were discussed (picked
 * from the unit's own list), the conclusions and the actions. A failed save keeps everything and
 * shows the server's words beside the fields; leaving with unsaved input asks first.
 */
export function UppfoljningFormPage() {
  const { t } = useTranslationRef(serviceGuidelinesTranslationRef);
  const api = useApi(serviceGuidelinesApiRef);
  const format = useFormatters();
  const followUpLink = useRouteRef(followUpRouteRef);
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const unitRef = params.get('unit') ?? '';
  const title = useUnitTitle(unitRef);
  const unitPage = `${followUpLink()}/enhet?${new URLSearchParams({
    unit: unitRef,
  })}`;
  const synpunkter = useAsync(
    () => api.listSynpunkter({ unit: unitRef, limit: 100 }),
    [api, unitRef],
  );
  const [draft, setDraft] = useState<Draft>(() => ({
    heldDate: stockholmDateOf(new Date().toISOString()),
    participants: '',
    synpunktIds: [],
    conclusions: '',
    actions: [],
  }));
  const [touched, setTouched] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string>();
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, fieldErrors);
  useLeaveGuard(touched && !saved, t('followUp.leaveWarning'));
  // After the guard's own effect has let go (effects run in order), go to the unit's page.
  useEffect(() => {
    if (saved) navigate(unitPage);
  }, [saved, navigate, unitPage]);

  const update = (change: Partial<Draft>) => {
    setTouched(true);
    setDraft(d => ({ ...d, ...change }));
  };
  const updateAction = (index: number, change: Partial<ActionDraft>) =>
    update({
      actions: draft.actions.map((a, i) =>
        i === index ? { ...a, ...change } : a,
      ),
    });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setFailure(undefined);
    try {
      await api.recordUppfoljning({
        unitRef,
        heldDate: draft.heldDate,
        participants: draft.participants
          .split('\n')
          .map(name => name.trim())
          .filter(Boolean)
          .map(name => ({ name })),
        synpunktIds: draft.synpunktIds,
        conclusions: draft.conclusions,
        actions: draft.actions,
      });
      setFieldErrors({});
      setSaved(true);
    } catch (error) {
      const problem = serverProblemOf(error);
      setFieldErrors(problem.fields);
      setFailure(problem.message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <Header title={t('followUp.formTitle', { unit: title })} />
      <Container>
        <Form
          ref={formRef}
          onSubmit={submit}
          validationErrors={fieldErrors}
          validationBehavior="aria"
          aria-label={t('followUp.formTitle', { unit: title })}
        >
          <Flex direction="column" gap="4" style={{ maxWidth: 760 }}>
            {failure && (
              <Alert
                status="danger"
                role="alert"
                title={t('followUp.failed')}
                description={`${failure} ${t('register.fixFields')}`}
              />
            )}
            <TextField
              name="heldDate"
              label={t('followUp.heldDate')}
              isRequired
              secondaryLabel={t('form.required')}
              value={draft.heldDate}
              onChange={heldDate => update({ heldDate })}
            />
            <TextAreaField
              name="participants"
              label={t('followUp.participantsLabel')}
              isRequired
              secondaryLabel={t('form.required')}
              rows={4}
              value={draft.participants}
              onChange={participants => update({ participants })}
            />
            <fieldset
              style={{ border: 'none', padding: 0, margin: 0 }}
              aria-invalid={fieldErrors.synpunktIds ? true : undefined}
            >
              <legend>
                <Text as="span" weight="bold">
                  {t('followUp.pickSynpunkter')}
                </Text>
              </legend>
              {fieldErrors.synpunktIds && (
                <Text as="p" color="danger">
                  {fieldErrors.synpunktIds}
                </Text>
              )}
              {synpunkter.loading && <Skeleton width="100%" height={80} />}
              {synpunkter.value?.items.length === 0 && (
                <Text as="p">{t('followUp.noSynpunkter')}</Text>
              )}
              <Flex direction="column" gap="1">
                {synpunkter.value?.items.map(s => (
                  <Checkbox
                    key={s.id}
                    isSelected={draft.synpunktIds.includes(s.id)}
                    onChange={selected =>
                      update({
                        synpunktIds: selected
                          ? [...draft.synpunktIds, s.id]
                          : draft.synpunktIds.filter(id => id !== s.id),
                      })
                    }
                  >
                    {`${s.registrationNumber} · ${t(
                      `synpunkt.types.${s.type}`,
                    )} · ${format.date(s.receivedDate)} · ${t(
                      `synpunkt.statuses.${s.status}`,
                    )}`}
                  </Checkbox>
                ))}
              </Flex>
            </fieldset>
            <TextAreaField
              name="conclusions"
              label={t('followUp.conclusions')}
              isRequired
              secondaryLabel={t('form.required')}
              rows={5}
              maxLength={TEXT_LIMITS.longText}
              value={draft.conclusions}
              onChange={conclusions => update({ conclusions })}
            />
            <Text as="h2" variant="title-small">
              {t('followUp.actions')}
            </Text>
            {draft.actions.map((action, index) => {
              const n = String(index + 1);
              return (
                <Flex
                  key={index}
                  gap="3"
                  align="end"
                  style={{ flexWrap: 'wrap' }}
                >
                  <TextField
                    name={`actions.${index}.description`}
                    label={t('followUp.actionDescription', { n })}
                    isRequired
                    secondaryLabel={t('form.required')}
                    maxLength={TEXT_LIMITS.reason}
                    value={action.description}
                    onChange={description =>
                      updateAction(index, { description })
                    }
                  />
                  <TextField
                    name={`actions.${index}.responsible`}
                    label={t('followUp.actionResponsible', { n })}
                    isRequired
                    secondaryLabel={t('form.required')}
                    maxLength={TEXT_LIMITS.name}
                    value={action.responsible}
                    onChange={responsible =>
                      updateAction(index, { responsible })
                    }
                  />
                  <TextField
                    name={`actions.${index}.dueDate`}
                    label={t('followUp.actionDue', { n })}
                    isRequired
                    secondaryLabel={t('form.required')}
                    value={action.dueDate}
                    onChange={dueDate => updateAction(index, { dueDate })}
                  />
                  <Button
                    variant="secondary"
                    onPress={() =>
                      update({
                        actions: draft.actions.filter((_, i) => i !== index),
                      })
                    }
                  >
                    {t('followUp.removeAction', { n })}
                  </Button>
                </Flex>
              );
            })}
            <div>
              <Button
                variant="secondary"
                onPress={() =>
                  update({ actions: [...draft.actions, { ...emptyAction }] })
                }
              >
                {t('followUp.addAction')}
              </Button>
            </div>
            <Flex gap="3" align="center">
              <Button type="submit" variant="primary" isPending={saving}>
                {t('followUp.save')}
              </Button>
              <Link href={unitPage}>{t('followUp.cancel')}</Link>
            </Flex>
          </Flex>
        </Form>
      </Container>
    </>
  );
}
