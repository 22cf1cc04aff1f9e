import { runCli } from './index';
import { quietLibraryWarnings } from './quiet-library-warnings';

quietLibraryWarnings();
process.exitCode = await runCli(process.argv.slice(2));
