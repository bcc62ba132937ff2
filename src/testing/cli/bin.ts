#!/usr/bin/env node
/**
 * The `invoice-elements-conformance` command (package.json `bin`; docs/ADAPTERS.md, "Check a
 * live server"): the conformance kit over HTTP against a live server. Node only.
 */
import contract from '../../../docs/openapi.yaml';
import { runConformance } from '../run.js';
import { runCommand } from './command.js';

process.exitCode = await runCommand(process.argv.slice(2), runConformance, contract);
