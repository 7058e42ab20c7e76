#!/usr/bin/env node
// Entry point of the `tiendo` command: runs the TypeScript sources through tsx
// (see docs/decisions/0001-run-typescript-with-tsx.md).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
