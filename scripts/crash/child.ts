// The process the crash test kills: it writes small transactions and, now and then, a large bulk
// load, and reports each one on stdout only after it has committed.
import { openApp } from '../../main/app-context';
import { resourcesDir } from '../../main/resource-paths';
import { registerServices as s } from '../../main/services/index';

const [file, cycleId, orgId, start] = process.argv.slice(2);
if (!file || !cycleId || !orgId) throw new Error('usage: child.ts FILE CYCLE_ID ORG_ID [batch-first]');
// Every 25th write is a bulk load; a run may start with one, so bulk loads are cut and committed even
// when a busy machine is slow to reach the 25th write before the kill.
const offset = start === 'batch-first' ? 24 : 0;

const ctx = openApp({ file, resourcesDir });
ctx.userName = 'crash test';
const tag = `${process.pid}-${Date.now()}`;
process.stdout.write('ready\n');

const BATCH = 400;
for (let n = 0; ; n++) {
  if ((n + offset) % 25 === 24) {
    const inputs = Array.from({ length: BATCH }, (_, i) => ({
      cycleId,
      description: `batch ${tag}-${n} row ${i}`,
      likelihood: 'low' as const,
      impact: 'low' as const,
      responsibleOrgId: orgId,
    }));
    s.risk.createMany(ctx, inputs);
    process.stdout.write(`batch ${tag}-${n} ${BATCH}\n`);
  } else {
    const risk = s.risk.create(ctx, { cycleId, description: `single ${tag}-${n}`, likelihood: 'high', impact: 'medium', responsibleOrgId: orgId });
    process.stdout.write(`single ${risk.id}\n`);
  }
}
