import { afterAll, describe, expect, it } from 'vitest';
import { periodTargetsWarning } from '../../shared/analysis/period-targets';
import { registerServices as s } from '../../main/services/index';
import { ServiceError } from '../../shared/result';
import { dumpDatabase } from '../support/fault-injection';
import { sampleApp } from '../exports/xlsx/support';

const boreholes = { targetValue: 12, direction: 'increase' as const, unit: 'boreholes' };

describe('period targets against the annual target', () => {
  it('warns when counts per period add up to more than the year, saying by how much', () => {
    expect(periodTargetsWarning(boreholes, [4, 4, 3, 3])).toBe(
      'The period targets add up to 14 boreholes, more than the annual target of 12 boreholes. If each period counts only what is new in it, they should add up to the annual target; if they are running totals, the last should equal it.',
    );
  });

  it('leaves alone what adds up, running totals, levels and shares, and targets meant to go down', () => {
    expect(periodTargetsWarning(boreholes, [3, 3, 3, 3])).toBeNull();
    expect(periodTargetsWarning(boreholes, [2, 2, 2])).toBeNull();
    expect(periodTargetsWarning(boreholes, [3, 6, 9, 12])).toBeNull();
    expect(periodTargetsWarning({ ...boreholes, unit: 'litres per person per day', targetValue: 15 }, [12, 13, 14, 14])).toBeNull();
    expect(periodTargetsWarning({ ...boreholes, unit: '%', targetValue: 66 }, [59, 61, 63, 65])).toBeNull();
    expect(periodTargetsWarning({ ...boreholes, direction: 'decrease', unit: 'cases' }, [4, 4, 3, 3])).toBeNull();
    expect(periodTargetsWarning(boreholes, [14])).toBeNull();
  });
});

describe('a negative period target', () => {
  const env = sampleApp();
  afterAll(() => env.app.close());

  it('is refused in plain words naming the field, and nothing is written', () => {
    const [indicator] = s.indicator.list(env.app, { cycleId: env.cycle.id });
    const period = s.indicatorPeriod.list(env.app, { cycleId: env.cycle.id }).find((p) => p.indicatorId === indicator?.id);
    if (!indicator || !period) throw new Error('The sample has no indicator period.');
    const before = dumpDatabase(env.app);
    const refused = (write: () => unknown) => {
      try {
        write();
      } catch (error) {
        if (error instanceof ServiceError) return error.apiError.message;
        throw error;
      }
      return 'accepted';
    };
    expect(refused(() => s.indicatorPeriod.update(env.app, { id: period.id, changes: { target: -4 } }))).toBe('Target: cannot be below zero.');
    expect(dumpDatabase(env.app)).toEqual(before);
  });
});
