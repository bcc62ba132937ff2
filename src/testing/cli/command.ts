/**
 * `invoice-elements-conformance`: parses the arguments, runs the live check, prints the report,
 * writes it as JSON when asked, and answers the exit code (0: nothing failed; 1: a check
 * failed; 2: the run could not start). The entry (bin.ts) gives it the kit and the contract.
 * Node only.
 */
import { writeFile } from 'node:fs/promises';
import { USAGE, UsageError, parseArgs } from './args.js';
import type { OpenApiDocument } from './contract.js';
import { LiveRunError, checkLiveServer } from './live.js';
import type { RunConformance } from './live.js';
import { formatReport } from './report.js';

export interface CommandIo {
  out(text: string): void;
  err(text: string): void;
  /** The real fetch (tests). */
  fetch?: typeof fetch;
}

const consoleIo: CommandIo = {
  out: (text) => console.log(text),
  err: (text) => console.error(text),
};

export async function runCommand(
  argv: readonly string[],
  runConformance: RunConformance,
  contract: OpenApiDocument,
  io: CommandIo = consoleIo,
): Promise<number> {
  let args;
  try {
    args = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`${error.message}\n\n${USAGE}`);
    return 2;
  }
  if ('help' in args) {
    io.out(USAGE);
    return 0;
  }
  let report;
  try {
    report = await checkLiveServer(
      {
        baseUrl: args.baseUrl,
        customerTokens: args.customerTokens,
        ...(args.token !== undefined ? { token: args.token } : {}),
        ...(args.only ? { only: args.only } : {}),
        ...(args.timeoutMs !== undefined ? { timeoutMs: args.timeoutMs } : {}),
        ...(io.fetch ? { fetch: io.fetch } : {}),
      },
      runConformance,
      contract,
    );
  } catch (error) {
    if (!(error instanceof LiveRunError)) throw error;
    io.err(error.message);
    return 2;
  }
  io.out(formatReport(report));
  if (args.json !== undefined) {
    await writeFile(args.json, `${JSON.stringify(report, null, 2)}\n`);
    io.out(`Report written to ${args.json}.`);
  }
  return report.failed === 0 ? 0 : 1;
}
