import { Route, Routes } from 'react-router-dom';
import { ImportPage } from '../DirectoryAdmin/ImportPage';
import { FortroendevaldPage } from '../FortroendevaldPage';
import { DirectoryPage } from './DirectoryPage';

/**
 * The directory's pages under its route: the list, one person, and the import. Paths match the
 * sub-route refs `fortroendevaldRouteRef` and `directoryImportRouteRef` in `routes.ts`.
 */
export function DirectoryRouter() {
  return (
    <Routes>
      <Route path="/" element={<DirectoryPage />} />
      <Route path="/import" element={<ImportPage />} />
      <Route path="/personer/:id" element={<FortroendevaldPage />} />
    </Routes>
  );
}
