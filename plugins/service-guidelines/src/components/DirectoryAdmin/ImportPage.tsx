import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import {
  Alert,
  Button,
  Card,
  CardBody,
  CardHeader,
  Container,
  Flex,
  Header,
  Link,
  Text,
} from '@backstage/ui';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  fortroendevaldaManagePermission,
  ImportPlan,
  ImportRowProblem,
} from '@service-guidelines/plugin-service-guidelines-common';
import { ResponseError } from '@backstage/errors';
import { useId, useState } from 'react';
import { fortroendevaldaApiRef } from '../../api/FortroendevaldaApi';
import { directoryRouteRef } from '../../routes';
import { serviceGuidelinesTranslationRef } from '../../translation';
import { ImportPlanView } from './ImportPlanView';

/** Where the import stands: checked (a plan), applied, or refused with the server's reasons. */
type ImportState =
  | { step: 'idle' }
  | { step: 'checked'; plan: ImportPlan; stale?: boolean }
  | { step: 'applied'; plan: ImportPlan }
  | { step: 'rejected'; message: string; rows: ImportRowProblem[] };

const tableStyle = { borderCollapse: 'collapse', width: '100%' } as const;
const cellStyle = {
  textAlign: 'left',
  padding: 'var(--bui-space-1, 4px) var(--bui-space-2, 8px)',
  borderBottom: '1px solid var(--bui-border-1, #ddd)',
  verticalAlign: 'top',
} as const;

const nothingToDo = (plan: ImportPlan) =>
  plan.people.added.length +
    plan.people.changed.length +
    plan.uppdrag.added.length +
    plan.uppdrag.changed.length +
    plan.uppdrag.ended.length +
    plan.uppdrag.removed.length ===
  0;

/** The server's answer to a refused file, with every bad row when it listed them. */
function rejectionOf(error: unknown): {
  message: string;
  rows: ImportRowProblem[];
  plan?: ImportPlan;
  status?: number;
} {
  if (
    error instanceof ResponseError ||
    (error as Error)?.name === 'ResponseError'
  ) {
    const response = error as ResponseError;
    const body = response.body?.error as
      | { message?: string; rows?: ImportRowProblem[]; plan?: ImportPlan }
      | undefined;
    return {
      message: body?.message ?? response.message,
      rows: body?.rows ?? [],
      plan: body?.plan,
      status: response.statusCode,
    };
  }
  return { message: (error as Error)?.message ?? String(error), rows: [] };
}

/**
 * Import of the municipality's list: choose a file, check it (a dry run that shows every change,
 * or every bad row), then import exactly what was shown.
 */
export function ImportPage() {
  const { t } = useTranslationRef(serviceGuidelinesTranslationRef);
  const api = useApi(fortroendevaldaApiRef);
  const permission = usePermission({
    permission: fortroendevaldaManagePermission,
  });
  const directoryLink = useRouteRef(directoryRouteRef);
  const inputId = useId();
  const [file, setFile] = useState<File>();
  const [state, setState] = useState<ImportState>({ step: 'idle' });
  const [busy, setBusy] = useState<'checking' | 'applying'>();
  const [noFile, setNoFile] = useState(false);

  const check = async () => {
    if (!file) {
      setNoFile(true);
      return;
    }
    setBusy('checking');
    try {
      setState({ step: 'checked', plan: await api.importDryRun(file) });
    } catch (error) {
      setState({ step: 'rejected', ...rejectionOf(error) });
    } finally {
      setBusy(undefined);
    }
  };

  const apply = async (plan: ImportPlan) => {
    if (!file) {
      return;
    }
    setBusy('applying');
    try {
      setState({
        step: 'applied',
        plan: await api.importApply(file, plan.planToken),
      });
    } catch (error) {
      const rejection = rejectionOf(error);
      setState(
        rejection.status === 409 && rejection.plan
          ? { step: 'checked', plan: rejection.plan, stale: true }
          : { step: 'rejected', ...rejection },
      );
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <>
      <Header
        title={t('directory.import.title')}
        description={t('directory.import.description')}
      />
      <Container>
        <Flex direction="column" gap="4">
          <Link href={directoryLink()}>{t('directory.import.back')}</Link>
          {!permission.loading && !permission.allowed && (
            <Alert status="warning" title={t('directory.import.notAllowed')} />
          )}
          <Card>
            <CardBody>
              <Flex direction="column" gap="3">
                <label htmlFor={inputId}>
                  <Text weight="bold">{t('directory.import.file')}</Text>
                </label>
                <input
                  id={inputId}
                  type="file"
                  accept=".csv,.json,.txt,text/csv,application/json"
                  aria-describedby={`${inputId}-description${
                    noFile ? ` ${inputId}-error` : ''
                  }`}
                  aria-invalid={noFile || undefined}
                  onChange={event => {
                    setFile(event.target.files?.[0]);
                    setNoFile(false);
                    setState({ step: 'idle' });
                  }}
                />
                <Text id={`${inputId}-description`} color="secondary">
                  {t('directory.import.fileDescription')}
                </Text>
                {noFile && (
                  <Text id={`${inputId}-error`} color="danger" role="alert">
                    {t('directory.import.noFile')}
                  </Text>
                )}
                <Flex>
                  <Button
                    variant="secondary"
                    onPress={check}
                    isPending={busy === 'checking'}
                  >
                    {busy === 'checking'
                      ? t('directory.import.checking')
                      : t('directory.import.dryRun')}
                  </Button>
                </Flex>
              </Flex>
            </CardBody>
          </Card>

          {state.step === 'rejected' && (
            <Flex direction="column" gap="3" role="alert">
              <Alert
                status="danger"
                title={
                  state.rows.length
                    ? t('directory.import.problemsTitle', {
                        count: state.rows.length,
                      })
                    : t('directory.import.failed')
                }
                description={state.rows.length ? undefined : state.message}
              />
              {state.rows.length > 0 && (
                <table style={tableStyle}>
                  <caption style={{ textAlign: 'left' }}>
                    {t('directory.import.problemsLabel')}
                  </caption>
                  <thead>
                    <tr>
                      <th style={cellStyle}>{t('directory.import.line')}</th>
                      <th style={cellStyle}>{t('directory.import.column')}</th>
                      <th style={cellStyle}>{t('directory.import.problem')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {state.rows.map((row, i) => (
                      <tr key={i}>
                        <td style={cellStyle}>{row.line || ''}</td>
                        <td style={cellStyle}>{row.field ?? ''}</td>
                        <td style={cellStyle}>{row.message}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </Flex>
          )}

          {(state.step === 'checked' || state.step === 'applied') && (
            <Card aria-labelledby={`${inputId}-plan`}>
              <CardHeader>
                <Text as="h2" variant="title-small" id={`${inputId}-plan`}>
                  {state.step === 'applied'
                    ? t('directory.import.appliedTitle')
                    : t('directory.import.planTitle')}
                </Text>
              </CardHeader>
              <CardBody>
                <Flex direction="column" gap="3">
                  {state.step === 'applied' && (
                    <Alert
                      status="success"
                      role="status"
                      title={t('directory.import.appliedTitle')}
                    />
                  )}
                  {state.step === 'checked' && state.stale && (
                    <Alert
                      status="warning"
                      role="alert"
                      title={t('directory.import.stale')}
                    />
                  )}
                  {nothingToDo(state.plan) && (
                    <Alert
                      status="info"
                      title={t('directory.import.nothingToDo')}
                    />
                  )}
                  <ImportPlanView plan={state.plan} />
                  {state.step === 'checked' && !nothingToDo(state.plan) && (
                    <Flex>
                      <Button
                        variant="primary"
                        onPress={() => apply(state.plan)}
                        isPending={busy === 'applying'}
                      >
                        {busy === 'applying'
                          ? t('directory.import.applying')
                          : t('directory.import.apply')}
                      </Button>
                    </Flex>
                  )}
                </Flex>
              </CardBody>
            </Card>
          )}
        </Flex>
      </Container>
    </>
  );
}
