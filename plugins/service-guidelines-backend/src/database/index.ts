export { KnexPluginMetadataStore } from './PluginMetadataStore';
export type { PluginMetadataStore } from './PluginMetadataStore';
export {
  applyMigrations,
  rollbackAllMigrations,
  latestAppliedMigration,
} from './migrations';
