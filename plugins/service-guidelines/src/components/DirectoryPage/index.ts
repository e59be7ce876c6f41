export { DirectoryRouter } from './DirectoryRouter';
export { DirectoryPage } from './DirectoryPage';
