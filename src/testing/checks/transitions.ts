/**
 * Status transitions: the default table (DRAFT → OPEN, OPEN → VOID, OPEN → CLOSED), never back
 * to DRAFT, anything else rejected `invalid-transition` with nothing applied (docs/RULES.md).
 */
import type { InvoiceStatus } from '../../core/types.js';
import type { CheckContext, ConformanceCheck } from '../check.js';
import { seedTable } from '../data.js';
import { describeUpdate, get, transition, unchanged } from './helpers.js';

/** Asks for `to` on row `row`'s invoice and expects invalid-transition with nothing applied. */
async function refused(ctx: CheckContext, id: string, to: InvoiceStatus): Promise<void> {
  const { before, update } = await transition(ctx, id, to);
  await ctx.rejects(
    describeUpdate(update),
    () => ctx.backend.updateStatus(update),
    'invalid-transition',
  );
  await unchanged(ctx, before, `${before.status} → ${to} refused`);
}

export const TRANSITION_CHECKS: ConformanceCheck[] = [
  {
    id: 'transitions.allowed',
    rule: 'DRAFT → OPEN, OPEN → VOID and OPEN → CLOSED apply: the answer and a re-read have the new status, a new version and one more history entry (who, when, and the notify flag as sent)',
    async run(ctx) {
      const t = await seedTable(ctx);
      const cases: [number, InvoiceStatus, boolean][] = [
        [5, 'OPEN', false],
        [4, 'VOID', true],
        [3, 'CLOSED', false],
      ];
      for (const [row, to, notify] of cases) {
        const { before, update } = await transition(ctx, t.id(row), to, notify);
        const answer = await ctx.call(describeUpdate(update), () =>
          ctx.backend.updateStatus(update),
        );
        const entry = answer.history.at(-1);
        ctx.same(
          [answer.status, answer.history.length, entry?.from, entry?.to, entry?.notified],
          [to, before.history.length + 1, before.status, to, notify],
          `${before.status} → ${to}: [status, history length, last entry from, to, notified]`,
        );
        if (
          typeof entry?.by !== 'string' ||
          entry.by === '' ||
          Number.isNaN(Date.parse(entry.at))
        ) {
          ctx.fail(
            `${before.status} → ${to}: the history entry needs who (by) and when (at).`,
            entry,
          );
        }
        if (answer.version === before.version)
          ctx.fail(`${before.status} → ${to} kept the version.`, answer.version);
        const reread = await get(ctx, t.id(row));
        ctx.same(
          [reread.status, reread.version],
          [to, answer.version],
          `${before.status} → ${to}, re-read: [status, version]`,
        );
      }
    },
  },
  {
    id: 'transitions.never-back-to-draft',
    rule: 'Nothing ever goes back to DRAFT: OPEN, VOID or CLOSED → DRAFT rejects invalid-transition and changes nothing',
    async run(ctx) {
      const t = await seedTable(ctx);
      for (const row of [3, 2, 1]) await refused(ctx, t.id(row), 'DRAFT');
    },
  },
  {
    id: 'transitions.invalid-rejected',
    rule: 'A transition outside the table (DRAFT → CLOSED, CLOSED → OPEN, VOID → CLOSED, OPEN → OPEN) rejects invalid-transition and changes nothing',
    async run(ctx) {
      const t = await seedTable(ctx);
      const cases: [number, InvoiceStatus][] = [
        [5, 'CLOSED'],
        [1, 'OPEN'],
        [2, 'CLOSED'],
        [3, 'OPEN'],
      ];
      for (const [row, to] of cases) await refused(ctx, t.id(row), to);
    },
  },
];
