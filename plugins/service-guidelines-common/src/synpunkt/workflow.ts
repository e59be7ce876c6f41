import { SynpunktStatus } from './model';

/**
 * The workflow actions on a synpunkt after registration.
 *
 * @public
 */
export type WorkflowAction =
  | 'assign'
  | 'forstaSvar'
  | 'pause'
  | 'resume'
  | 'utredning'
  | 'aterkoppling'
  | 'close'
  | 'reopen'
  | 'update';

/**
 * In which statuses each action may be taken: the server enforces it, the UI offers only these.
 * Everything else about an action (anonymous, legal duty, an open pause) the server checks and
 * explains in its refusal.
 *
 * @public
 */
export const ALLOWED_FROM: Record<WorkflowAction, readonly SynpunktStatus[]> = {
  assign: ['registrerad', 'tilldelad', 'under_utredning', 'aterkopplad'],
  forstaSvar: ['registrerad', 'tilldelad', 'under_utredning'],
  pause: ['registrerad', 'tilldelad', 'under_utredning'],
  resume: ['registrerad', 'tilldelad', 'under_utredning'],
  utredning: ['tilldelad', 'under_utredning', 'aterkopplad'],
  aterkoppling: ['tilldelad', 'under_utredning'],
  close: ['tilldelad', 'under_utredning', 'aterkopplad'],
  reopen: ['avslutad'],
  update: ['registrerad', 'tilldelad', 'under_utredning', 'aterkopplad'],
};

/**
 * Swedish names of the statuses, for refusals a person reads.
 *
 * @public
 */
export const STATUS_NAMES: Record<SynpunktStatus, string> = {
  registrerad: 'registrerad',
  tilldelad: 'tilldelad',
  under_utredning: 'under utredning',
  aterkopplad: 'återkopplad',
  avslutad: 'avslutad',
};
