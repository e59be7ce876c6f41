import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { Container, Flex, Header } from '@backstage/ui';
import { Synpunkt } from '@service-guidelines/plugin-service-guidelines-common';
import { useState } from 'react';
import { serviceGuidelinesApiRef } from '../../api/ServiceGuidelinesApi';
import { useLeaveGuard } from '../../hooks/useLeaveGuard';
import { useRegistry } from '../../hooks/useRegistry';
import { useUnits } from '../../hooks/useUnits';
import { synpunktRouteRef } from '../../routes';
import { serviceGuidelinesTranslationRef } from '../../translation';
import { serverProblemOf } from '../shared/serverErrors';
import {
  emptyDraft,
  formFieldOf,
  isDirty,
  SynpunktDraft,
  toRequest,
} from './formState';
import { RegistrationReceipt } from './RegistrationReceipt';
import { SynpunktForm } from './SynpunktForm';
import { isSynpunktType, MatterKind, TriageStep } from './TriageStep';

/**
 * "Registrera synpunkt": first what the matter is (guidance for what is not a synpunkt), then the
 * form, then the registration number and deadlines to read out to the customer.
 */
export function RegisterSynpunktPage(props: { directoryPath?: string }) {
  const { t } = useTranslationRef(serviceGuidelinesTranslationRef);
  const api = useApi(serviceGuidelinesApiRef);
  const synpunktLink = useRouteRef(synpunktRouteRef);
  const { settings, rules } = useRegistry();
  const units = useUnits(settings.registrableUnitTypes);

  const [kind, setKind] = useState<MatterKind>();
  const [step, setStep] = useState<'triage' | 'form' | 'done'>('triage');
  const [startDraft, setStartDraft] = useState<SynpunktDraft>(() =>
    emptyDraft('klagomal'),
  );
  const [draft, setDraft] = useState<SynpunktDraft>(startDraft);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string>();
  const [submitting, setSubmitting] = useState(false);
  const [registered, setRegistered] = useState<Synpunkt>();

  // Leaving with typed, unsaved text asks first.
  useLeaveGuard(
    step === 'form' && isDirty(draft, startDraft),
    t('register.leaveWarning'),
  );

  const chooseKind = (next: MatterKind) => {
    setKind(next);
    if (isSynpunktType(next)) setDraft(d => ({ ...d, type: next }));
  };

  const submit = async () => {
    setSubmitting(true);
    setFailure(undefined);
    try {
      const synpunkt = await api.registerSynpunkt(toRequest(draft));
      setRegistered(synpunkt);
      setFieldErrors({});
      setStep('done');
    } catch (error) {
      const problem = serverProblemOf(error);
      setFieldErrors(
        Object.fromEntries(
          Object.entries(problem.fields).map(([field, message]) => [
            formFieldOf(field),
            message,
          ]),
        ),
      );
      setFailure(problem.message);
    } finally {
      setSubmitting(false);
    }
  };

  const startOver = () => {
    const fresh = emptyDraft(draft.type);
    setStartDraft(fresh);
    setDraft(fresh);
    setRegistered(undefined);
    setFieldErrors({});
    setFailure(undefined);
    setKind(undefined);
    setStep('triage');
  };

  return (
    <>
      <Header title={t('register.title')} />
      <Container>
        <Flex direction="column" gap="4" style={{ maxWidth: 720 }}>
          {step === 'triage' && (
            <TriageStep
              settings={settings}
              kind={kind}
              onKindChange={chooseKind}
              onContinue={() => setStep('form')}
              directoryPath={props.directoryPath}
            />
          )}
          {step === 'form' && (
            <SynpunktForm
              draft={draft}
              onChange={next => {
                setDraft(next);
              }}
              settings={settings}
              units={units.value ?? []}
              unitsLoading={units.loading}
              fieldErrors={fieldErrors}
              failure={failure}
              submitting={submitting}
              onSubmit={submit}
              onBack={() => setStep('triage')}
            />
          )}
          {step === 'done' && registered && (
            <RegistrationReceipt
              synpunkt={registered}
              forstaSvarDays={rules.forstaSvarDays(registered.channel)}
              detailHref={synpunktLink({ id: registered.id })}
              onRegisterAnother={startOver}
            />
          )}
        </Flex>
      </Container>
    </>
  );
}
