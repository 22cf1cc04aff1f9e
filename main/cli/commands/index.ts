import type { Command } from './command';

/** A command's line of help, and the module that runs it. */
export interface CommandEntry {
  /** One line for `pamoja --help`: the command, its flags, and what it does. */
  summary: string;
  load(): Promise<Command>;
}

/**
 * A feature area's commands: its module is loaded only when one of them runs, so `pamoja --help`
 * never loads the database, the Word or the Excel writers. The help must name exactly the
 * module's commands: one without its line, or a line for a command that does not exist, does not
 * compile.
 */
// (The result's type does not mention Name, so the table's type cannot widen Name to string.)
function area<Name extends string>(load: () => Promise<Record<Name, Command>>, help: Record<NoInfer<Name>, string>): Record<string, CommandEntry> {
  const names = Object.keys(help) as Name[];
  return Object.fromEntries(names.map((name) => [name, { summary: help[name], load: async () => (await load())[name] }]));
}

/** Every `pamoja` command, in the order `pamoja --help` lists them. */
export const commands: Record<string, CommandEntry> = {
  ...area(() => import('./foundation').then((m) => m.foundationCommands), {
    demo: 'demo --db FILE                      create FILE holding the Isiolo FY 2026/27 sample cycle',
    stats: 'stats --db FILE [--json]            row counts of every register of every cycle',
    orgs: "orgs --db FILE [--cycle ID] [--json]  the cycle's organisations",
    check: 'check --db FILE                     SQLite integrity and foreign-key checks',
  }),
  ...area(() => import('./serve').then((m) => m.serveCommands), {
    serve: "serve [--db FILE] [--port N]        the app in a browser (web shell on 127.0.0.1); default: the app's own database",
  }),
  ...area(() => import('./bundle').then((m) => m.bundleCommands), {
    bundle:
      'bundle export --db FILE [--cycle ID] (--full | --partner ORG) --out FILE.jwpb | import --db FILE [--dry-run] [--resolve mine|theirs] [--json] FILE.jwpb | undo --db FILE | history --db FILE [--json]',
    keys: 'keys show --db FILE [--json] | trust --db FILE [--fingerprint "XXXX XXXX …" [--replace]] BUNDLE.jwpb   this copy’s signing key; trust a sender (--replace: in place of its old key)',
  }),
  ...area(() => import('./import-xlsx').then((m) => m.importXlsxCommands), {
    'import-xlsx':
      'import-xlsx --db FILE [--dry-run] FILE.xlsx   preview a returned partner template, and apply it if no row has an error (exit 2: nothing written)',
  }),
  ...area(() => import('./import-workbook').then((m) => m.importWorkbookCommands), {
    'import-workbook':
      'import-workbook --db FILE [--cycle ID | --new] [--dry-run] [--json] [--apply-valid --rejected-out FILE.xlsx] FILE.xlsx   a whole cycle from its workbook: preview per sheet, then apply in one undoable step (exit 2: nothing written)',
  }),
  ...area(() => import('./lifecycle').then((m) => m.lifecycleCommands), {
    approve: 'approve --db FILE [--cycle ID] --by NAME [--on DATE] [--note TEXT] [--json]   freeze the plan as its next approved version',
    versions: 'versions --db FILE [--cycle ID] [--json]   approved plan versions, signatures, and whether the plan changed since',
    diff: 'diff --db FILE [--cycle ID] --from N [--to M|working] [--json]   what changed between two versions, or since a version',
    rollover:
      'rollover --db FILE [--cycle ID] --to 2027/28 [--exclude CODE,…] [--title TEXT] [--json]   start the next fiscal year from this cycle (carries every unfinished activity except those excluded by code or id); this cycle becomes read-only',
  }),
  ...area(() => import('./round').then((m) => m.roundCommands), {
    round:
      'round open --db FILE [--cycle ID] --period Q2 [--due 2027-01-15] [--message TEXT] [--learning-and-risks]   open the quarterly reporting round: every organisation with figures to report is asked (--learning-and-risks: learning entries and risk updates too)\n' +
      '  pamoja round add|remove --db FILE [--cycle ID] --org ORG   |   channel --org ORG --via bundle|template   who is asked, and how\n' +
      '  pamoja round prepare|remind --db FILE [--cycle ID] --out DIR   one folder per organisation: its template or bundle and an e-mail draft (.eml, unsent); remind: only those still missing something\n' +
      '  pamoja round status --db FILE [--cycle ID] [--json]   who was asked, who returned what and when, who is late, what is missing\n' +
      '  pamoja round return --db FILE [--cycle ID] [--dry-run] FILE   take in a returned template or bundle for the round (exit 2: refused, nothing written)\n' +
      '  pamoja round close --db FILE [--cycle ID] [--out REPORT.docx] | reopen --db FILE [--cycle ID] [--period Q2]   close (and write the M&E report), or reopen',
  }),
  ...area(() => import('./export').then((m) => m.exportCommands), {
    export:
      'export --db FILE [--cycle ID] --format docx --doc plan|budget|me-report|approval-pack [--period Q2] --out FILE.docx   a Word deliverable\n' +
      '  pamoja export --db FILE [--cycle ID] --format xlsx --doc workbook|partner-template [--partner ORG] --out FILE.xlsx   an Excel workbook\n' +
      '  pamoja export --db FILE [--cycle ID] --format svg|png --doc ward-map [--sector S] [--org ORG] [--measure kes|activities|sectors|indicators] --out FILE   the ward map alone\n' +
      '  pamoja export --format xlsx --doc blank-workbook --out FILE.xlsx   the cycle workbook with no rows, to fill in and import',
  }),
  ...area(() => import('./analysis').then((m) => m.analysisCommands), {
    overlaps:
      'overlaps --db FILE [--cycle ID] [--clusters] [--json]   likely duplicate activities, with score and reason; --clusters groups them, by score and money at stake',
    coverage: 'coverage --db FILE [--cycle ID] [--org ID] [--json]   ward × sector matrix: activities and planned KES; gaps',
    calendar: 'calendar --db FILE [--cycle ID] --out FILE.ics   the joint calendar for Outlook / Google Calendar',
  }),
  ...area(() => import('./wards').then((m) => m.wardsCommands), {
    wards:
      'wards import --db FILE [--cycle ID] [--source TEXT] [--dry-run] FILE   load ward boundaries (GeoJSON, TopoJSON, zipped shapefile); exit 2: refused, nothing written\n' +
      '  pamoja wards show|undo|demo --db FILE [--cycle ID]   the boundaries loaded; undo the last load; load the schematic demo layer (invented shapes)',
  }),
  ...area(() => import('./backup').then((m) => m.backupCommands), {
    backup: 'backup --db FILE --out DIR              a verified copy of the database in DIR',
    restore: 'restore --db FILE BACKUP                puts BACKUP in place of FILE (FILE is backed up first)',
  }),
};

export function usage(): string {
  return `Usage: pamoja <command> [flags]\n\nCommands:\n${Object.values(commands)
    .map((command) => `  pamoja ${command.summary}`)
    .join('\n')}\n`;
}
