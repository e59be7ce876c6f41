export type { RegistrySettings } from '@service-guidelines/plugin-service-guidelines-common';

/** Now, as the service sees it; replaced by a fixed clock in tests. */
export type Clock = () => Date;
