import { describe, expect, it } from 'vitest';
import { commands, usage } from '../../main/cli/commands/index';
import { foundationCommands } from '../../main/cli/commands/foundation';

/** The help table names every command once, and each name loads the command that runs it. */
describe('the pamoja command table', () => {
  it('loads a runnable command for every line of help', async () => {
    for (const [name, entry] of Object.entries(commands)) {
      expect(entry.summary.startsWith(name), name).toBe(true);
      expect(typeof (await entry.load()).run, name).toBe('function');
    }
    expect(await commands.stats?.load()).toBe(foundationCommands.stats);
  });

  it('lists every command in the help, in the table’s order', () => {
    const listed = [...usage().matchAll(/^ {2}pamoja (\S+)/gm)].map((match) => match[1]);
    // `export` takes two lines: one for Word, one for Excel.
    expect([...new Set(listed)]).toEqual(Object.keys(commands));
  });
});
