import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../main/transport/dispatcher';
import { fieldLabel, registerFieldLabels } from '../../shared/api/field-labels';
import { registerNames, registerOfMethod, registerSchemas } from '../../shared/api/registers';
import { maxLengthOf } from '../../shared/api/schemas/fields';
import { registerForm } from '../../renderer/components/register/field-spec';
import { seedCycle } from '../support/factories';
import { testApp } from '../support/test-app';

/** A register's field names come from its create schema, and every place that names them agrees. */

const fieldsOf = (register: (typeof registerNames)[number]) => Object.keys(registerSchemas[register].create.shape).filter((key) => key !== 'cycleId');

describe("a register's fields", () => {
  it('each have exactly one label, and no label names a field the schema lacks', () => {
    for (const register of registerNames) expect(Object.keys(registerFieldLabels[register]).sort(), register).toEqual(fieldsOf(register).sort());
  });

  it('are named in the register’s own words, and other inputs keep theirs', () => {
    expect(fieldLabel('title', 'activity')).toBe('Activity');
    expect(fieldLabel('title', 'milestone')).toBe('Milestone / deliverable');
    expect(fieldLabel('title')).toBe('Title');
    expect(fieldLabel('trigger')).toBe('Trigger');
    expect(fieldLabel('noSuchField', 'risk')).toBe('noSuchField');
    expect(registerOfMethod('indicatorPeriod:update')).toBe('indicatorPeriod');
    expect(registerOfMethod('cycle:update')).toBeUndefined();
  });

  it('fill a form labelled as the server labels them and limited as the schema limits them', () => {
    const form = registerForm('organisation', {
      name: { kind: 'text' },
      shortName: { kind: 'text' },
      category: { kind: 'select' },
      role: { kind: 'textarea' },
      interest: { kind: 'select' },
      influence: { kind: 'select' },
      involvement: { kind: 'text' },
      communicationStrategy: { kind: 'textarea' },
      remarks: { kind: 'textarea', hint: 'Kept by the Secretariat' },
    });
    expect(form.map((field) => field.key)).toEqual(fieldsOf('organisation'));
    const shape: Record<string, Parameters<typeof maxLengthOf>[0]> = registerSchemas.organisation.create.shape;
    for (const field of form) {
      expect(field.label).toBe(fieldLabel(field.key, 'organisation'));
      expect(field.maxLength).toBe(maxLengthOf(shape[field.key]));
    }
    expect(form.find((field) => field.key === 'shortName')).toMatchObject({ label: 'Short name', maxLength: 30 });
    expect(form.find((field) => field.key === 'category')?.maxLength).toBeUndefined();
    expect(form.at(-1)).toMatchObject({ label: 'Remarks', maxLength: 2000, hint: 'Kept by the Secretariat' });
  });

  it('are named the same way by the form and by the server’s refusal', () => {
    const app = testApp();
    const seed = seedCycle(app);
    const dispatch = createDispatcher(app, () => undefined);
    const result = dispatch('activity:update', { id: seed.activity.id, changes: { title: 'x'.repeat(301) } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toBe('Activity: keep it to 300 characters or fewer.');
  });
});
