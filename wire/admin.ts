import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  CommandShapeError, createWorld, DELIBERATE_FAULT_IDS, describeInvalid, describeIssues, isDeliberateFault, parseCommand, redact, redactText, type Command, type DeliberateFault, type World,
} from '../model';
import type { Simulation } from './simulation';
import { inTurn, type Turns } from './turns';

/**
 * The administration API under /__harness/: set worlds up, read them, reset. The credentials
 * endpoint is the one place secrets are served, because a test client needs them; everything
 * else the server shows or writes is redacted.
 */

export const ADMIN_PREFIX = '/__harness';

/** A command, a list of commands, or { "commands": [...] }. */
const CommandsBody = z.union([
  z.array(z.unknown()),
  z.object({ commands: z.array(z.unknown()) }).strict(),
  z.object({ type: z.string() }).passthrough(),
]);

function commandsOf(body: unknown): Command[] {
  const parsed = CommandsBody.safeParse(body);
  if (!parsed.success) throw new CommandShapeError('body', `got ${JSON.stringify(body)?.slice(0, 80)}: should be a command object, a list of commands, or { "commands": [...] }`);
  const data = parsed.data;
  const list: unknown[] = Array.isArray(data) ? data : 'commands' in data && Array.isArray(data.commands) ? data.commands : [data];
  return list.map((c, i) => parseCommand(c, `commands[${i}]`));
}

/** A reset: back to the starting world, or a fresh world of this seed and deliberate faults. */
const ResetBody = z.object({
  seed: z.number().int().optional(),
  faults: z.array(z.string().refine(isDeliberateFault, { message: `a deliberate fault: ${DELIBERATE_FAULT_IDS.join(', ')}` })).optional(),
}).strict();

/** What a client needs to authenticate, account by account. */
export function credentialsOf(world: World) {
  return {
    accounts: Object.values(world.accounts).map((a) => ({
      name: a.name,
      kind: a.kind,
      accountId: a.accountId,
      users: Object.values(a.users).map((u) => ({ name: u.name, role: u.role, email: u.email, password: u.password })),
    })),
    records: Object.values(world.records).map((r) => ({
      record: r.ref, name: r.name, owner: r.owner, applicationId: r.applicationId, consumerKey: r.consumerKey, consumerSecret: r.consumerSecret,
    })),
    tokens: Object.values(world.tokens).map((t) => ({
      token: t.handle, account: t.account, accountId: world.accounts[t.account]?.accountId, user: t.user, record: t.record, tokenId: t.tokenId, tokenSecret: t.tokenSecret,
    })),
  };
}

/** Every route takes its turn with the requests (turns.ts), so it sees exactly those that arrived before it. */
export function registerAdmin(app: FastifyInstance, simulation: Simulation, turns: Turns): void {
  app.post(`${ADMIN_PREFIX}/commands`, async (request, reply) => inTurn(turns, reply, () => {
    let commands: Command[];
    try {
      commands = commandsOf(request.body);
    } catch (e) {
      if (e instanceof CommandShapeError) return reply.code(400).send({ error: redactText(e.message) });
      throw e;
    }
    const result = simulation.applyAll(commands);
    if (!result.ok) {
      const message = result.outcome.kind === 'invalid' ? describeInvalid(result.outcome) : 'invalid';
      return reply.code(400).send({ error: redactText(`commands[${result.at}]: ${message}`), applied: 0 });
    }
    return reply.send({ applied: result.outcomes.length, outcomes: redact(result.outcomes) });
  }));
  app.get(`${ADMIN_PREFIX}/world`, async (_request, reply) => inTurn(turns, reply, () => reply.send(redact(simulation.world))));
  app.get(`${ADMIN_PREFIX}/credentials`, async (_request, reply) => inTurn(turns, reply, () => reply.send(credentialsOf(simulation.world))));
  app.get(`${ADMIN_PREFIX}/audit`, async (_request, reply) => inTurn(turns, reply, () => reply.send({ entries: simulation.audit.entries })));
  // An empty body goes back to the starting world; { "seed": 7, "faults": ["AUTH-03"] } starts a fresh world of that seed.
  app.post(`${ADMIN_PREFIX}/reset`, async (request, reply) => inTurn(turns, reply, () => {
    const parsed = ResetBody.safeParse(request.body ?? {});
    if (!parsed.success) return reply.code(400).send({ error: `body: ${redactText(describeIssues(parsed.error).join('; '))}; should be {} or { "seed": integer, "faults": [${DELIBERATE_FAULT_IDS.map((f) => `"${f}"`).join(', ')}] }` });
    const { seed, faults } = parsed.data;
    simulation.reset(seed === undefined && faults === undefined ? undefined : createWorld({ seed: seed ?? simulation.world.config.seed, faults: (faults ?? []) as DeliberateFault[] }));
    return reply.send({ reset: true });
  }));
}
