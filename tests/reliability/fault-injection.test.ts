import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resourcesDir } from '../../main/resource-paths';
import { loadCycleFile, readCycleFile } from '../../main/services/sample';
import type { CycleFile } from '../../main/services/sample-file';
import { countWrites, dumpDatabase, injectFaultAtWrite } from '../support/fault-injection';
import { testApp } from '../support/test-app';

/** A small cycle file cut from the sample: enough rows of every kind to break it at each step. */
function smallCycleFile(): CycleFile {
  const sample = readCycleFile(path.join(resourcesDir, 'sample', 'isiolo-2026-27.json'));
  const activities = sample.activities.slice(0, 3);
  const activityRefs = new Set(activities.map((a) => a.ref));
  const indicators = sample.indicators.filter((i) => i.activityRef === null || activityRefs.has(i.activityRef)).slice(0, 2);
  return {
    ...sample,
    activities,
    contributions: sample.contributions.filter((c) => c.activityRef !== null && activityRefs.has(c.activityRef)).slice(0, 4),
    indicators,
    adaptiveTriggers: sample.adaptiveTriggers.filter((t) => t.indicatorRef === null).slice(0, 1),
    risks: sample.risks.slice(0, 2),
    milestones: sample.milestones.slice(0, 2),
    learningEntries: sample.learningEntries.slice(0, 1),
  };
}

describe('an import that fails at any step', () => {
  it('leaves the database exactly as it was, for every k', () => {
    const file = smallCycleFile();
    const probe = testApp();
    const writes = countWrites(probe, () => loadCycleFile(probe, file));
    probe.close();
    expect(writes).toBeGreaterThan(100);
    expect(fs.existsSync(resourcesDir)).toBe(true);

    const app = testApp();
    const before = dumpDatabase(app);
    const clockBefore = app.clock.last;
    for (let k = 1; k <= writes; k++) {
      const remove = injectFaultAtWrite(app, k);
      try {
        expect(() => loadCycleFile(app, file), `fault at write ${k}`).toThrow(/injected fault/);
      } finally {
        remove();
      }
      expect(dumpDatabase(app), `database after a fault at write ${k}`).toBe(before);
      expect(app.clock.last).toEqual(clockBefore);
    }
    app.close();
  }, 120_000);
});
