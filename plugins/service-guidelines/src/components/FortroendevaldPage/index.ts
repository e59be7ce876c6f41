export { FortroendevaldPage } from './FortroendevaldPage';
