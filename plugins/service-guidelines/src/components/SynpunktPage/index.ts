export { SynpunktPage } from './SynpunktPage';
