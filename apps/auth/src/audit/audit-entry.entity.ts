import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'audit_log' })
export class AuditEntryEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('timestamptz', { name: 'occurred_at' }) occurredAt: Date;
  @Column('text') actor: string;
  @Column('text', { nullable: true }) ip: string | null;
  @Column('text', { name: 'request_id', nullable: true }) requestId: string | null;
  @Column('text') operation: string;
  @Column('text', { name: 'table_name' }) tableName: string;
  @Column('text', { name: 'row_id', nullable: true }) rowId: string | null;
  @Column('jsonb', { name: 'old_values', nullable: true }) oldValues: object | null;
  @Column('jsonb', { name: 'new_values', nullable: true }) newValues: object | null;
}
