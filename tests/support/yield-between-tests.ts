import { afterEach } from 'vitest';
import { yieldToRunner } from './yield-to-runner';

// Every test file: the worker answers vitest between any two tests (see yield-to-runner.ts).
afterEach(yieldToRunner);
