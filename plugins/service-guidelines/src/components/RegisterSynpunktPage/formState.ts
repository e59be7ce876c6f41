import {
  Channel,
  RegisterSynpunktRequest,
  SynpunktType,
} from '@service-guidelines/plugin-service-guidelines-common';
import { DateTime } from 'luxon';

/** What the person has typed, kept whole whatever happens to a submission. */
export interface SynpunktDraft {
  type: SynpunktType;
  channel: Channel | '';
  /** `yyyy-MM-ddTHH:mm` in Stockholm, as a datetime-local input holds it. */
  receivedAt: string;
  unitRef: string;
  area: string;
  description: string;
  anonymous: boolean;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
  contactAddress: string;
  sekretess: boolean;
}

export function emptyDraft(
  type: SynpunktType,
  now = new Date(),
): SynpunktDraft {
  return {
    type,
    channel: '',
    receivedAt: DateTime.fromJSDate(now, { zone: 'Europe/Stockholm' }).toFormat(
      "yyyy-MM-dd'T'HH:mm",
    ),
    unitRef: '',
    area: '',
    description: '',
    anonymous: false,
    contactName: '',
    contactEmail: '',
    contactPhone: '',
    contactAddress: '',
    sekretess: false,
  };
}

/**
 * Whether anything beyond the defaults has been typed, so leaving would lose work. The time of
 * receipt starts as "now", not empty, so it counts once it differs from the draft the form
 * started from.
 */
export function isDirty(draft: SynpunktDraft, start: SynpunktDraft): boolean {
  return Boolean(
    draft.channel ||
      draft.unitRef ||
      draft.area ||
      draft.description ||
      draft.contactName ||
      draft.contactEmail ||
      draft.contactPhone ||
      draft.contactAddress ||
      draft.receivedAt !== start.receivedAt,
  );
}

/** The request body for a draft; the server validates it all again. */
export function toRequest(draft: SynpunktDraft): RegisterSynpunktRequest {
  const receivedAt = DateTime.fromFormat(
    draft.receivedAt,
    "yyyy-MM-dd'T'HH:mm",
    {
      zone: 'Europe/Stockholm',
    },
  );
  return {
    type: draft.type,
    channel: draft.channel as Channel,
    ...(receivedAt.isValid ? { receivedAt: receivedAt.toISO()! } : {}),
    unitRef: draft.unitRef,
    area: draft.area,
    description: draft.description,
    anonymous: draft.anonymous,
    ...(draft.anonymous
      ? {}
      : {
          contact: {
            name: draft.contactName,
            email: draft.contactEmail,
            phone: draft.contactPhone,
            address: draft.contactAddress,
          },
        }),
    sekretess: draft.sekretess,
  };
}

/** The form field a server error names (`contact.email` → `contactEmail`). */
export function formFieldOf(serverField: string): string {
  const map: Record<string, string> = {
    'contact.name': 'contactName',
    'contact.email': 'contactEmail',
    'contact.phone': 'contactPhone',
    'contact.address': 'contactAddress',
    contact: 'contactEmail',
  };
  return map[serverField] ?? serverField;
}
