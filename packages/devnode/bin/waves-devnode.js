#!/usr/bin/env node
// Runs the TypeScript sources through tsx, so the bin works straight from the repository.
import { register } from 'tsx/esm/api'

register()
await import('../src/cli.ts')
