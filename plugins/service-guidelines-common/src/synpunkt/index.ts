export * from './model';
export * from './schemas';
export * from './defaults';
export * from './settings';
export * from './workflow';
