#!/usr/bin/env node
// The `lantern` command. Lantern runs from its TypeScript sources: tsx compiles them as they load.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
