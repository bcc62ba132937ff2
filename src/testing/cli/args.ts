/**
 * The arguments of `invoice-elements-conformance` (docs/ADAPTERS.md, "Check a live server").
 * Node only.
 */

export const USAGE = `Usage: invoice-elements-conformance <baseUrl> [options]

Checks a server that claims the invoice-elements REST contract (docs/openapi.yaml in the
package): runs the conformance kit over HTTP against <baseUrl>, checks every answer against
the contract, and prints a report. Exit code 0 only when no check failed.

Options:
  --token T                      Operator bearer token, sent on every request.
  --customer-token ID=T          A customer's bearer token (repeatable), for servers that take
                                 the audience from the credential and have no
                                 POST /conformance/tokens.
  --only PREFIX                  Run only the checks whose id starts with PREFIX (repeatable,
                                 or comma-separated).
  --json FILE                    Also write the report as JSON to FILE.
  --timeout MS                   Time limit of each check and each request (default 10000).
  -h, --help                     This text.

Requests go only to the origin of <baseUrl>. Test-fixture endpoints (optional, test servers
only): POST/DELETE /conformance/invoices, POST /conformance/tokens.`;

export interface CliArgs {
  baseUrl: string;
  token?: string;
  customerTokens: Map<string, string>;
  only?: string[];
  json?: string;
  timeoutMs?: number;
}

export class UsageError extends Error {}

/** `argv` without the node and script paths; `{ help: true }` for `--help`. */
export function parseArgs(argv: readonly string[]): CliArgs | { help: true } {
  const positional: string[] = [];
  const customerTokens = new Map<string, string>();
  const only: string[] = [];
  let token: string | undefined;
  let json: string | undefined;
  let timeoutMs: number | undefined;

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '-h' || arg === '--help') return { help: true };
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg : arg.slice(0, eq);
    const value = (): string => {
      if (eq >= 0) return arg.slice(eq + 1);
      const next = argv[++i];
      if (next === undefined) throw new UsageError(`${name} needs a value.`);
      return next;
    };
    switch (name) {
      case '--token':
        token = value();
        break;
      case '--customer-token': {
        const pair = value();
        const at = pair.indexOf('=');
        if (at <= 0 || at === pair.length - 1) {
          throw new UsageError(
            `--customer-token takes CUSTOMER_ID=TOKEN, not ${JSON.stringify(pair)}.`,
          );
        }
        customerTokens.set(pair.slice(0, at), pair.slice(at + 1));
        break;
      }
      case '--only':
        only.push(
          ...value()
            .split(',')
            .map((p) => p.trim())
            .filter(Boolean),
        );
        break;
      case '--json':
        json = value();
        break;
      case '--timeout': {
        const raw = value();
        if (!/^\d+$/.test(raw) || Number(raw) < 1) {
          throw new UsageError(
            `--timeout takes a number of milliseconds, not ${JSON.stringify(raw)}.`,
          );
        }
        timeoutMs = Number(raw);
        break;
      }
      default:
        throw new UsageError(`Unknown option ${name}.`);
    }
  }
  if (positional.length !== 1) {
    throw new UsageError(
      positional.length === 0 ? 'The base URL is missing.' : 'Give one base URL.',
    );
  }
  const args: CliArgs = { baseUrl: positional[0] ?? '', customerTokens };
  if (token !== undefined) args.token = token;
  if (only.length > 0) args.only = only;
  if (json !== undefined) args.json = json;
  if (timeoutMs !== undefined) args.timeoutMs = timeoutMs;
  return args;
}
