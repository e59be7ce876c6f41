import {
  AterkopplingMethod,
  Channel,
  Synpunkt,
  SynpunktStatus,
  SynpunktType,
} from '@service-guidelines/plugin-service-guidelines-common';
import { StoredSynpunkt } from '../../database/SynpunktStore';

/**
 * The API form of a stored synpunkt. Personal data — the contact details, and the description of
 * a synpunkt marked sekretess — is included only when the reader may see it.
 */
export function toApi(
  { row, pauses }: StoredSynpunkt,
  personalDataVisible: boolean,
): Synpunkt {
  const contact = personalDataVisible
    ? {
        ...(row.contact_name ? { name: row.contact_name } : {}),
        ...(row.contact_email ? { email: row.contact_email } : {}),
        ...(row.contact_phone ? { phone: row.contact_phone } : {}),
        ...(row.contact_address ? { address: row.contact_address } : {}),
      }
    : undefined;
  const descriptionVisible = personalDataVisible || !row.sekretess;
  return {
    id: row.id,
    registrationNumber: row.registration_number,
    type: row.type as SynpunktType,
    channel: row.channel as Channel,
    receivedAt: row.received_at,
    receivedDate: row.received_date,
    arrivalDate: row.arrival_date,
    registeredAt: row.registered_at,
    registeredBy: row.registered_by,
    unitRef: row.unit_ref,
    area: row.area,
    legalDuty: row.legal_duty,
    ...(descriptionVisible && row.description !== null
      ? { description: row.description }
      : {}),
    sekretess: row.sekretess,
    anonymous: row.anonymous,
    ...(contact && Object.keys(contact).length ? { contact } : {}),
    personalDataVisible,
    ...(row.handlaggare_ref ? { handlaggareRef: row.handlaggare_ref } : {}),
    status: row.status as SynpunktStatus,
    ...(row.forsta_svar_due
      ? {
          forstaSvar: {
            due: row.forsta_svar_due,
            ...(row.forsta_svar_date ? { date: row.forsta_svar_date } : {}),
          },
        }
      : {}),
    ...(row.aterkoppling_due ? { aterkopplingDue: row.aterkoppling_due } : {}),
    ...(row.aterkoppling_days !== null
      ? { aterkopplingDays: row.aterkoppling_days }
      : {}),
    pauses,
    ...(row.utredning_date
      ? {
          utredning: {
            date: row.utredning_date,
            ...(descriptionVisible && row.utredning
              ? { text: row.utredning }
              : {}),
          },
        }
      : {}),
    ...(row.aterkoppling_date && row.aterkoppling_method
      ? {
          aterkoppling: {
            date: row.aterkoppling_date,
            method: row.aterkoppling_method as AterkopplingMethod,
            ...(descriptionVisible && row.aterkoppling_summary
              ? { summary: row.aterkoppling_summary }
              : {}),
          },
        }
      : {}),
    ...(row.closed_date
      ? {
          closed: {
            date: row.closed_date,
            ...(row.outcome ? { outcome: row.outcome } : {}),
            ledToImprovement: Boolean(row.led_to_improvement),
            ...(row.improvement_description
              ? { improvementDescription: row.improvement_description }
              : {}),
          },
        }
      : {}),
    ...(row.gallrad_at ? { gallradAt: row.gallrad_at } : {}),
    version: row.version,
    updatedAt: row.updated_at,
  };
}
