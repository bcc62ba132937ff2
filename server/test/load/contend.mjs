/**
 * Many operators changing and discarding the same invoices at once, each write sent several
 * times with its idempotency key (two copies at once on different instances, one more after:
 * the retries of a client that lost the answer), then the end state checked against what was
 * answered: exactly one applied change per intent, none lost.
 */
import { answerOf, call, getInvoice, intent, send, versionOf } from './http.mjs';

const NEXT = { DRAFT: ['OPEN', 'DISCARD'], OPEN: ['VOID', 'CLOSED'] };

const pick = (list) => list[Math.floor(Math.random() * list.length)];

function shuffled(list) {
  const copy = [...list];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

/** Sends one intent `replays` times and returns the answers (a network failure is `'network'`). */
async function sendWithReplays(bases, token, write, replays) {
  const attempt = (i) =>
    send(bases[i % bases.length], token, write).then(
      answerOf,
      (error) => `network ${error.message}`,
    );
  const answers = await Promise.all([attempt(0), attempt(1)]);
  for (let i = 2; i < replays; i++) answers.push(await attempt(i));
  return answers;
}

/**
 * Runs `operators` workers over `invoiceIds`: each reads an invoice, picks a change it allows
 * (DRAFT: open or discard; OPEN: void or close), sends it with replays, and reads again after
 * any answer, until the invoice is terminal or gone. Resolves every intent with its answers.
 */
export async function contend({ bases, token, invoiceIds, operators, replays = 3, maxRounds = 8 }) {
  const intents = [];
  const worker = async () => {
    for (const id of shuffled(invoiceIds)) {
      for (let round = 0; round < maxRounds; round++) {
        const current = await getInvoice(pick(bases), token, id);
        if (current.status === 404) break;
        if (current.status !== 200) throw new Error(`GET ${id}: HTTP ${current.status}`);
        const targets = NEXT[current.body.status];
        if (!targets) break;
        const write = intent(id, pick(targets), current.body.version);
        const answers = await sendWithReplays(bases, token, write, replays);
        intents.push({ ...write, answers });
      }
    }
  };
  await Promise.all(Array.from({ length: operators }, worker));
  return intents;
}

const applied = (answer) => answer.startsWith('200') || answer === '204';

/**
 * Problems found in the end state (empty when all is well), given each invoice as it was before
 * (`initial`: id → invoice) and the intents with their answers:
 * - every copy of an intent got the same answer (the replays answered the first answer);
 * - per invoice, the applied intents form one chain of versions from the initial one (no two
 *   applied from the same version: no lost update), and the history grew by exactly one entry
 *   per applied status change, in their order; a discarded invoice is gone, by one discard.
 */
export async function verify({ base, token, initial, intents }) {
  const problems = [];
  for (const { invoiceId, key, answers } of intents) {
    if (new Set(answers).size !== 1)
      problems.push(
        `${invoiceId} key ${key}: replays answered differently: ${answers.join(' | ')}`,
      );
    for (const answer of answers)
      if (!/^(200|204|404|409|412|422)\b/.test(answer))
        problems.push(`${invoiceId} key ${key}: unexpected answer ${answer}`);
  }
  for (const [id, before] of initial) {
    const mine = intents.filter((i) => i.invoiceId === id && applied(i.answers[0]));
    const now = await getInvoice(base, token, id);
    const discards = mine.filter((i) => i.action === 'DISCARD');
    const changes = mine.filter((i) => i.action !== 'DISCARD');
    if (discards.length > 1) problems.push(`${id}: ${discards.length} discards applied`);
    if (discards.length === 1) {
      if (now.status !== 404)
        problems.push(`${id}: discarded (204) but still there (${now.status})`);
      if (changes.length > 0) problems.push(`${id}: discarded and changed`);
      if (discards[0].expectedVersion !== before.version)
        problems.push(
          `${id}: discarded from ${discards[0].expectedVersion}, not ${before.version}`,
        );
      continue;
    }
    if (now.status !== 200) {
      problems.push(`${id}: HTTP ${now.status} at the end, with no discard applied`);
      continue;
    }
    // One chain: the first from the initial version, each next from the previous answer's.
    let version = before.version;
    let status = before.status;
    const ordered = [];
    const left = [...changes];
    while (left.length > 0) {
      const i = left.findIndex((c) => c.expectedVersion === version);
      if (i < 0) break;
      const [next] = left.splice(i, 1);
      ordered.push(next);
      version = next.answers[0].split(' ')[1];
      status = next.action;
    }
    if (left.length > 0)
      problems.push(
        `${id}: ${left.length} applied change(s) not on the chain of versions (lost update): ` +
          left.map((c) => `${c.action} from ${c.expectedVersion}`).join(', '),
      );
    if (now.body.version !== version || versionOf(now.etag) !== version)
      problems.push(`${id}: version ${now.body.version}, the last applied answer said ${version}`);
    if (now.body.status !== status)
      problems.push(`${id}: status ${now.body.status}, expected ${status}`);
    const added = now.body.history.slice(before.history.length);
    const expected = ordered.map((c) => c.action);
    const got = added.map((h) => h.to);
    if (JSON.stringify(got) !== JSON.stringify(expected))
      problems.push(`${id}: history added [${got}], applied intents [${expected}]`);
  }
  return problems;
}

/** The invoices before the run, by id. */
export async function snapshot(base, token, ids) {
  const initial = new Map();
  for (const id of ids) {
    const { status, body } = await call(base, token, 'GET', `invoices/${encodeURIComponent(id)}`);
    if (status !== 200) throw new Error(`GET ${id}: HTTP ${status}`);
    initial.set(id, body);
  }
  return initial;
}
