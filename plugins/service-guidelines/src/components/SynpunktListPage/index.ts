export { SynpunktListPage } from './SynpunktListPage';
