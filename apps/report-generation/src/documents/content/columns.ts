import type { Labels } from '../format/labels';
import type { Column } from '../model';

/** The columns the documents share, so every table spells and sizes them alike. */
export const columnsOf = (l: Labels) => ({
  no: { header: l.no, width: 0.5, type: 'integer' } satisfies Column,
  indicator: (width = 3.2): Column => ({ header: l.indicator, width, type: 'text' }),
  objective: (width = 2.4, header = l.objective): Column => ({ header, width, type: 'text' }),
  unit: (width = 1): Column => ({ header: l.unit, width, type: 'text' }),
  number: (header: string, width = 1.1): Column => ({ header, width, type: 'number' }),
  percent: (header: string, width = 1.1): Column => ({ header, width, type: 'percent' }),
  money: (header: string, width = 1.8): Column => ({ header, width, type: 'money' }),
  text: (header: string, width = 1.5): Column => ({ header, width, type: 'text' }),
});
