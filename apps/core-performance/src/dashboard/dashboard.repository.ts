import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Period } from '../periods/period-calendar';

export interface PassedDeadline {
  period: Period;
  input_deadline: Date;
}

@Injectable()
export class DashboardRepository {
  constructor(private readonly ds: DataSource) {}

  /**
   * The year's periods whose input deadline has passed, by the database clock (the same `now()`
   * the periods repository's overdue query uses). Passing a deadline changes the overdue answer
   * without any write, so these belong in the dashboard's cache key.
   */
  passedDeadlines(year: number): Promise<PassedDeadline[]> {
    return this.ds.query<PassedDeadline[]>(`SELECT period, input_deadline FROM core.periods WHERE year = $1 AND input_deadline < now()`, [year]);
  }
}
