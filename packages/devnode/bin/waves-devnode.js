#!/usr/bin/env node
// The `waves-devnode` command: runs the built JavaScript (dist/cli.js), which is all an installed package
// holds. In this repository, where src/ sits beside it, it runs the sources through tsx instead (a
// development dependency of the workspace), so the bin never runs a stale build. The published package
// has no src/ and needs no tsx.
import { existsSync } from 'node:fs'

const source = new URL('../src/cli.ts', import.meta.url)
if (existsSync(source)) {
  const { register } = await import('tsx/esm/api')
  register()
  await import(source.href)
} else {
  await import('../dist/cli.js')
}
