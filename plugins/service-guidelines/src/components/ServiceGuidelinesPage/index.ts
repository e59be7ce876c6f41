export { ServiceGuidelinesPage } from './ServiceGuidelinesPage';
