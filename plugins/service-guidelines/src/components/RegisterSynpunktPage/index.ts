export { RegisterSynpunktPage } from './RegisterSynpunktPage';
