export { FollowUpRouter } from './FollowUpRouter';
