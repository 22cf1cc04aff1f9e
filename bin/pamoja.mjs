#!/usr/bin/env node
// The `pamoja` command. It runs the TypeScript sources through tsx, so a checkout needs no build step.
import { register } from 'tsx/esm/api';

register();
await import('../main/cli/main.ts');
