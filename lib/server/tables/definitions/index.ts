import type { TableDef, TableId } from '../types';
import { auditTable } from './audit';
import { milestonesTable } from './milestones';
import { organisationsTable } from './organisations';
import { paymentsTable } from './payments';
import { pledgesTable } from './pledges';
import { programmesTable } from './programmes';

export const TABLES: Record<TableId, TableDef> = {
  programmes: programmesTable,
  organisations: organisationsTable,
  pledges: pledgesTable,
  payments: paymentsTable,
  milestones: milestonesTable,
  audit: auditTable,
};
