import { Knex } from 'knex';
import { applyListFilter } from './SynpunktStore';

/** A synpunkt a reminder is about: what the message and its recipients need, nothing personal. */
export interface ReminderSubject {
  id: string;
  registrationNumber: string;
  unitRef: string;
  handlaggareRef?: string;
  aterkopplingDue: string;
}

/** A unit that should have been followed up, with its chef. */
export interface FollowUpSubject {
  unitRef: string;
  title: string;
  chefRef: string;
}

/** What the reminder job reads, and the record of reminders sent. */
export interface ReminderStore {
  /**
   * Claims an occasion: true only for the first caller ever, across runs and instances, because
   * the occasion is the primary key of `reminders_sent`.
   */
  claim(occasion: string, kind: string, at: string): Promise<boolean>;
  /** Gives an occasion back when its reminder could not be sent, so a later run tries again. */
  release(occasion: string): Promise<void>;
  /** Open, no återkoppling, clock running, deadline in [from, to]. */
  dueBetween(from: string, to: string): Promise<ReminderSubject[]>;
  /** Open, no återkoppling, clock running, deadline in [from, before). */
  overdue(from: string, before: string): Promise<ReminderSubject[]>;
  /** Units of these types with a chef and no uppföljning held in [from, to]. */
  notFollowedUp(
    unitTypes: readonly string[],
    from: string,
    to: string,
  ): Promise<FollowUpSubject[]>;
}

/** The knex implementation of {@link ReminderStore}. */
export class KnexReminderStore implements ReminderStore {
  constructor(private readonly db: Knex) {}

  async claim(occasion: string, kind: string, at: string) {
    const inserted = await this.db('reminders_sent')
      .insert({ occasion, kind, sent_at: at })
      .onConflict('occasion')
      .ignore()
      .returning('occasion');
    return inserted.length === 1;
  }

  async release(occasion: string) {
    await this.db('reminders_sent').where({ occasion }).delete();
  }

  async dueBetween(from: string, to: string) {
    return this.subjects(q =>
      applyListFilter(q, { dueFrom: from, dueBy: to, clockRunning: true }),
    );
  }

  async overdue(from: string, before: string) {
    return this.subjects(q =>
      applyListFilter(q, { overdueOn: before, dueFrom: from }),
    );
  }

  async notFollowedUp(unitTypes: readonly string[], from: string, to: string) {
    const rows = await this.db('org_units as u')
      .whereIn('u.type', unitTypes)
      .whereNotNull('u.chef_ref')
      .whereNotExists(q =>
        q
          .from('uppfoljningar as f')
          .whereRaw('f.unit_ref = u.unit_ref')
          .whereBetween('f.held_date', [from, to]),
      )
      .orderBy('u.unit_ref')
      .select<Array<{ unit_ref: string; title: string; chef_ref: string }>>(
        'u.unit_ref',
        'u.title',
        'u.chef_ref',
      );
    return rows.map(r => ({
      unitRef: r.unit_ref,
      title: r.title,
      chefRef: r.chef_ref,
    }));
  }

  private async subjects(
    filter: (query: Knex.QueryBuilder) => void,
  ): Promise<ReminderSubject[]> {
    const query = this.db('synpunkter');
    filter(query);
    const rows = await query
      .orderBy(['aterkoppling_due', 'registration_number'])
      .select<
        Array<{
          id: string;
          registration_number: string;
          unit_ref: string;
          handlaggare_ref: string | null;
          aterkoppling_due: string;
        }>
      >(
        'id',
        'registration_number',
        'unit_ref',
        'handlaggare_ref',
        'aterkoppling_due',
      );
    return rows.map(r => ({
      id: r.id,
      registrationNumber: r.registration_number,
      unitRef: r.unit_ref,
      ...(r.handlaggare_ref ? { handlaggareRef: r.handlaggare_ref } : {}),
      aterkopplingDue: r.aterkoppling_due,
    }));
  }
}
