import { useRouteRef } from '@backstage/core-plugin-api';
import { Route, Routes } from 'react-router-dom';
import { directoryRouteRef } from '../routes';
import { RegisterSynpunktPage } from './RegisterSynpunktPage';
import { ServiceGuidelinesPage } from './ServiceGuidelinesPage';
import { SynpunktListPage } from './SynpunktListPage';
import { SynpunktPage } from './SynpunktPage';

/**
 * The synpunkt pages under the plugin's root: start page, registration, list and one synpunkt.
 * Paths match the sub-route refs in `routes.ts`.
 */
export function ServiceGuidelinesRouter() {
  const directoryPath = useDirectoryPath();
  return (
    <Routes>
      <Route path="/" element={<ServiceGuidelinesPage />} />
      <Route
        path="/registrera"
        element={<RegisterSynpunktPage directoryPath={directoryPath} />}
      />
      <Route path="/synpunkter" element={<SynpunktListPage />} />
      <Route path="/synpunkter/:id" element={<SynpunktPage />} />
    </Routes>
  );
}

/** Where the directory of förtroendevalda is, or undefined in an app that does not mount it. */
function useDirectoryPath(): string | undefined {
  try {
    // eslint-disable-next-line react-hooks/rules-of-hooks -- always called; only its throw is caught
    return useRouteRef(directoryRouteRef)();
  } catch {
    return undefined;
  }
}
