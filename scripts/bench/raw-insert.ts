import { randomUUID } from 'node:crypto';
import type { Statement } from 'better-sqlite3';
import { getTableColumns, getTableName } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Db } from '../../main/db/open-db';
import * as t from '../../main/db/schema';
import type { CycleFile } from '../../main/services/sample-file';

/**
 * The reference for the bulk loader: the same plan written with nothing but prepared INSERTs into
 * the same tables (same foreign keys and indexes), no validation, no rules, no audit. Returns the
 * number of register rows written, counted as the bulk loader counts them.
 */
export function rawInsertPlan(db: Db, plan: CycleFile, countyId: string): number {
  const statements = new Map<SQLiteTable, { statement: Statement; keys: string[] }>();
  const insert = (table: SQLiteTable, row: Record<string, unknown>) => {
    let entry = statements.get(table);
    if (!entry) {
      const columns = Object.entries(getTableColumns(table));
      const sql = `INSERT INTO "${getTableName(table)}" (${columns.map(([, c]) => `"${c.name}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
      entry = { statement: db.$client.prepare(sql), keys: columns.map(([k]) => k) };
      statements.set(table, entry);
    }
    const values = entry.keys.map((key) => {
      const value = row[key];
      return typeof value === 'boolean' ? Number(value) : (value ?? null);
    });
    entry.statement.run(values);
  };
  const meta = (cycleId: string, ownerOrgId: string | null) => ({
    id: randomUUID(),
    cycleId,
    ownerOrgId,
    createdAt: 'now',
    updatedAt: 'now',
    hlc: '000001764000000:00000:raw',
    origin: 'raw',
  });
  let rows = 0;
  db.$client.transaction(() => {
    const cycleId = randomUUID();
    const { leadOrgRef: _lead, scopeUnitIds: _scope, ...cycle } = plan.cycle;
    insert(t.cycles, { ...cycle, countyId, id: cycleId, leadOrgId: null, createdAt: 'now', updatedAt: 'now', hlc: 'h', origin: 'raw' });
    rows++;
    const ids = new Map<string, string>();
    for (const { ref, contacts, ...org } of plan.organisations) {
      const row = { ...org, ...meta(cycleId, null) };
      insert(t.organisations, row);
      ids.set(ref, row.id);
      for (const contact of contacts) insert(t.contacts, { ...contact, ...meta(cycleId, row.id), organisationId: row.id });
      rows += 1 + contacts.length;
    }
    for (const { ref, ...objective } of plan.objectives) {
      const row = { ...objective, ...meta(cycleId, null) };
      insert(t.objectives, row);
      ids.set(ref, row.id);
      rows++;
    }
    for (const { ref, objectiveRef, leadOrgRef, supportingOrgRefs, wardIds, ...activity } of plan.activities) {
      const lead = ids.get(leadOrgRef) ?? null;
      const row = { ...activity, ...meta(cycleId, lead), objectiveId: ids.get(objectiveRef), leadOrgId: lead };
      insert(t.activities, row);
      ids.set(ref, row.id);
      for (const unitId of wardIds) insert(t.activityWards, { activityId: row.id, unitId });
      for (const orgRef of supportingOrgRefs) insert(t.activitySupporters, { activityId: row.id, organisationId: ids.get(orgRef) });
      rows++;
    }
    for (const { activityRef, contributorOrgRef, disbursements: _d, ...contribution } of plan.contributions) {
      const contributor = ids.get(contributorOrgRef) ?? null;
      insert(t.contributions, {
        ...contribution,
        ...meta(cycleId, contributor),
        activityId: activityRef ? ids.get(activityRef) : null,
        contributorOrgId: contributor,
      });
      rows++;
    }
    for (const { ref, responsibleOrgRef, objectiveRef, activityRef, periods, ...indicator } of plan.indicators) {
      const responsible = ids.get(responsibleOrgRef) ?? null;
      const row = {
        ...indicator,
        ...meta(cycleId, responsible),
        responsibleOrgId: responsible,
        objectiveId: objectiveRef ? ids.get(objectiveRef) : null,
        activityId: activityRef ? ids.get(activityRef) : null,
      };
      insert(t.indicators, row);
      ids.set(ref, row.id);
      for (const period of periods) insert(t.indicatorPeriods, { ...period, ...meta(cycleId, responsible), indicatorId: row.id });
      rows += 1 + periods.length;
    }
    for (const { responsibleOrgRef, ...risk } of plan.risks) {
      const responsible = ids.get(responsibleOrgRef) ?? null;
      insert(t.risks, { ...risk, ...meta(cycleId, responsible), responsibleOrgId: responsible });
      rows++;
    }
  })();
  return rows;
}
