import { Alert, Skeleton } from '@backstage/ui';
import { serverProblemOf } from './serverErrors';

/**
 * What a page shows while its data loads (a skeleton of the given height) or when loading failed
 * (the server's words under the page's own title), so that a page is never blank.
 */
export function LoadingOrFailure(props: {
  loading: boolean;
  error?: unknown;
  failedTitle: string;
  height?: number;
}) {
  return (
    <>
      {props.loading && <Skeleton width="100%" height={props.height ?? 200} />}
      {props.error !== undefined && (
        <Alert
          status="danger"
          role="alert"
          title={props.failedTitle}
          description={serverProblemOf(props.error).message}
        />
      )}
    </>
  );
}
