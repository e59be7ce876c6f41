import { NotSynpunktCategory } from '@service-guidelines/plugin-service-guidelines-common';

/** Settings of the registry that are configuration, with Värmdö's values as defaults. */
export interface RegistrySettings {
  /** Registration number prefix, e.g. `SYN` → `SYN-2026-00042`. */
  numberPrefix: string;
  /** Areas of service, and which carry a legal complaint duty (utredning before closing). */
  areas: Array<{ id: string; title: string; legalDuty: boolean }>;
  /** Where each matter that is not a synpunkt goes instead. */
  guidance: Record<NotSynpunktCategory, string>;
  /** Group `spec.type` values a synpunkt may be registered on. */
  registrableUnitTypes: string[];
}

/** Now, as the service sees it; replaced by a fixed clock in tests. */
export type Clock = () => Date;
