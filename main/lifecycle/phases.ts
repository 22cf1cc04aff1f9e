import type { z } from 'zod';
import type { LifecycleStatusDto, setPhaseInput, tickStepInput } from '../../shared/api/schemas/lifecycle';
import { formatDisplayDate } from '../../shared/dates';
import { cyclePhases } from '../../shared/domain/vocabulary';
import { checklistStep, phaseChecklists, phaseOrder } from '../../shared/lifecycle/checklists';
import { invalidField } from '../../shared/result';
import { audited } from '../services/audited-write';
import type { AppContext } from '../services/context';
import { getCycle, updateCycle } from '../services/cycles';
import { checklistRows, writeStep } from './checklist-store';
import { rolledOverTo } from './read-only';
import { todayOf } from '../services/record-meta';
import { workingState } from './versions';

/** The current phase, every phase's checklist with its ticks, the working plan's state, read-only state. */
export function lifecycleStatus(ctx: AppContext, cycleId: string): LifecycleStatusDto {
  const cycle = getCycle(ctx, cycleId);
  const ticks = checklistRows(ctx, cycleId);
  const phases = phaseOrder.map((phase) => {
    const steps = phaseChecklists[phase].map((step) => {
      const row = ticks.get(`${phase}:${step.key}`);
      return { ...step, doneOn: row?.doneOn ?? null, doneBy: row?.doneBy ?? '', note: row?.note ?? '' };
    });
    return {
      phase,
      label: cyclePhases.label(phase),
      isCurrent: phase === cycle.phase,
      done: steps.filter((s) => s.doneOn !== null).length,
      total: steps.length,
      steps,
    };
  });
  return {
    cycleId,
    phase: cycle.phase,
    phaseLabel: cyclePhases.label(cycle.phase),
    phases,
    working: workingState(ctx, cycleId),
    readOnly: rolledOverTo(ctx, cycleId),
  };
}

/** Phases usually follow one another, but the Secretariat may step back (a plan reopened for revision). */
export function setPhase(ctx: AppContext, input: z.output<typeof setPhaseInput>): LifecycleStatusDto {
  audited(ctx, { cycleId: input.cycleId }, (tx) => {
    if (getCycle(tx, input.cycleId).phase !== input.phase) updateCycle(tx, { id: input.cycleId, changes: { phase: input.phase } });
  });
  return lifecycleStatus(ctx, input.cycleId);
}

export function tickStep(ctx: AppContext, input: z.output<typeof tickStepInput>): LifecycleStatusDto {
  const step = checklistStep(input.phase, input.key);
  if (!step) {
    throw invalidField('key', `Step: the ${cyclePhases.label(input.phase).toLowerCase()} checklist has no step "${input.key}".`);
  }
  audited(ctx, { cycleId: input.cycleId }, (tx) => {
    getCycle(tx, input.cycleId);
    if (input.doneOn !== null && input.doneOn > todayOf(tx)) {
      throw invalidField('doneOn', `Date: ${formatDisplayDate(input.doneOn)} is in the future; tick a step once it has happened.`);
    }
    writeStep(tx, input.cycleId, input.phase, input.key, { doneOn: input.doneOn, doneBy: input.doneOn === null ? '' : tx.userName, note: input.note });
  });
  return lifecycleStatus(ctx, input.cycleId);
}
