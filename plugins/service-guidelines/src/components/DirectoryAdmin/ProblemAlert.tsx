import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { Alert } from '@backstage/ui';
import { serviceGuidelinesTranslationRef } from '../../translation';
import { ServerProblem } from '../shared/serverErrors';

/**
 * Why a save failed, in the server's words; for a version conflict, what to do about it. The
 * messages for single fields are shown beside the fields as well.
 */
export function ProblemAlert({ problem }: { problem?: ServerProblem }) {
  const { t } = useTranslationRef(serviceGuidelinesTranslationRef);
  if (!problem) {
    return null;
  }
  const current = problem.current as { version?: number } | undefined;
  return (
    <Alert
      status="danger"
      role="alert"
      title={t('directory.admin.saveFailed')}
      description={
        problem.status === 409 && current?.version !== undefined
          ? t('directory.admin.conflict', { version: String(current.version) })
          : problem.message
      }
    />
  );
}
