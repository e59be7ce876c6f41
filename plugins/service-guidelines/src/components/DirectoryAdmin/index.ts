export { ImportPage } from './ImportPage';
export { PersonDialog } from './PersonDialog';
export { UppdragDialog } from './UppdragDialog';
export { EndUppdragDialog } from './EndUppdragDialog';
