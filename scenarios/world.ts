import { setWorldConstructor, World } from '@cucumber/cucumber';
import { en, Faker } from '@faker-js/faker';
import {
  apply, createWorld, describeInvalid, faultsFromEnv, normaliseApplicationId, redactText,
  type Accepted, type Account, type ApplicationIdRef, type Auth, type Command, type DeliberateFault,
  type IntegrationRecord, type Outcome, type Refused, type World as ModelWorld,
} from '../model';
import type { CoverageRecorder } from '../io/recorder';
import type { AppIdPhrase, AuthPhrase } from './auth-phrase';
import { describeOutcome } from './describe';
import { baseSeedFromEnv, describeSeed, scenarioSeed } from './seed';
import { SCENARIO_CLOCK, type SentCommand, type WireTarget } from './wire/target';

// Every request of a scenario arrives at SCENARIO_CLOCK, and "timestamped 10 minutes ago" is relative to it: runs stay reproducible; the model reads no clock.
export { SCENARIO_CLOCK };

/**
 * The cucumber World: one model world per scenario, the last outcome, a faker seeded for the
 * scenario, and the coverage recorder. Steps talk to the model only through `run`, so every
 * outcome is observed for coverage and malformed commands fail the step with the model's own
 * explanation. Faults (HARNESS_FAULT) and the base seed (HARNESS_SEED) are read here, at the edge.
 */
export class HarnessWorld extends World {
  readonly faults: readonly DeliberateFault[] = faultsFromEnv(process.env.HARNESS_FAULT);
  readonly baseSeed = baseSeedFromEnv(process.env.HARNESS_SEED);
  scenarioName = '';
  seed = 0;
  seedPinned = false;
  model: ModelWorld = createWorld({ faults: this.faults });
  faker: Faker = new Faker({ locale: [en] });
  recorder: CoverageRecorder | undefined;
  /** Records the scenario tried to create, even when refused: only these may be checked as never held. */
  readonly recordsAttempted = new Set<string>();
  /** The outcome of the last command, which "it" refers to in Then steps. */
  last: Outcome | undefined;
  commandCount = 0;
  /** Accounts added without names ("Given 3 customer accounts"), by kind. */
  readonly groups = new Map<string, string[]>();
  /** The session the last login opened, for "the session" without a name. */
  lastSession: string | undefined;
  /** Common fields noted at named moments ("noted as ..."), by record and moment. */
  readonly moments = new Map<string, unknown>();
  /** Whether the running step is a set-up step (Given, or And after Given): those must not be refused. */
  stepIsSetUp = false;

  /** The simulator the commands also go to (HARNESS_TARGET=wire), or none. */
  wire: WireTarget | undefined;
  /** Commands run by the current step, sent to the wire when it returns. */
  private unsent: SentCommand[] = [];
  /** The wire's world must be replaced by a fresh one of this scenario's seed before the next command goes. */
  private wireReset = false;

  /** Called by the Before hook: the scenario's seed from its name (and HARNESS_SEED), and the wire target if any. */
  begin(name: string, recorder: CoverageRecorder | undefined, wire?: WireTarget): void {
    this.scenarioName = name;
    this.recorder = recorder;
    this.wire = wire;
    this.reseed(scenarioSeed(name, this.baseSeed), false);
  }

  /**
   * Sends what the step ran to the wire target, in order, and fails the step when the wire
   * answers differently (register.ts calls it after every step). Nothing to do on the model target.
   */
  flushWire(): Promise<void> | undefined {
    const wire = this.wire;
    if (!wire || (this.unsent.length === 0 && !this.wireReset)) return undefined;
    const commands = this.unsent;
    const reset = this.wireReset;
    this.unsent = [];
    this.wireReset = false;
    return (async () => {
      if (reset) await wire.reset(this.seed, this.faults);
      await wire.send(commands);
    })();
  }

  /** A new seed is allowed only before the first command: it recreates the world and faker. */
  reseed(seed: number, pinned: boolean): void {
    if (this.commandCount > 0) throw new Error('The scenario seed can only be set before the first command; move "Given the scenario seed is ..." to the top.');
    this.seed = seed;
    this.seedPinned = pinned;
    this.model = createWorld({ seed, faults: this.faults });
    this.wireReset = this.wire !== undefined;
    this.faker = new Faker({ locale: [en] });
    this.faker.seed(seed);
  }

  seedReport(): string {
    return describeSeed(this.scenarioName, this.seed, this.baseSeed, this.seedPinned);
  }

  /**
   * Applies one command. A malformed command (unknown name, impossible value) fails the step
   * with the model's explanation, unless the step sends malformed input on purpose.
   */
  run(command: Command, options: { readonly malformed?: boolean } = {}): Outcome {
    if (command.type === 'createRecord') this.recordsAttempted.add(command.record);
    const before = this.model;
    const { world, outcome } = apply(before, command);
    this.model = world;
    if (this.wire) this.unsent.push({ before, command, after: world, outcome });
    this.last = outcome;
    this.commandCount++;
    this.recorder?.observe(outcome);
    if (outcome.kind === 'invalid' && !options.malformed) {
      throw new Error(`The model cannot run this step: ${redactText(describeInvalid(outcome))}`);
    }
    if (outcome.kind === 'refused' && this.stepIsSetUp) throw new Error(refusedSetUp(outcome));
    return outcome;
  }

  outcome(): Outcome {
    if (!this.last) throw new Error('No command has run yet: a Then step about "it" needs a When step before it.');
    return this.last;
  }

  accepted(): Accepted {
    const o = this.outcome();
    if (o.kind !== 'accepted') throw new Error(`Expected the last command to be accepted, but it was ${describeOutcome(o)}`);
    return o;
  }

  refused(): Refused {
    const o = this.outcome();
    if (o.kind !== 'refused') throw new Error(`Expected the last command to be refused, but it was ${describeOutcome(o)}`);
    return o;
  }

  account(name: string): Account {
    const account = this.model.accounts[name];
    if (!account) throw new Error(`There is no account "${name}"; the scenario has ${listOf(Object.keys(this.model.accounts))}.`);
    return account;
  }

  record(name: string): IntegrationRecord {
    const record = this.model.records[name];
    if (!record) throw new Error(`There is no integration record "${name}"; the scenario has ${listOf(Object.keys(this.model.records))}.`);
    return record;
  }

  /** The accounts "Given N KIND accounts" added, for "every KIND account". */
  group(kind: string): readonly string[] {
    const group = this.groups.get(kind) ?? [];
    if (group.length === 0) throw new Error(`"every ${kind} account" needs a step like: Given 3 ${kind} accounts`);
    return group;
  }

  /** A well-formed Application ID that no record has. */
  private unknownApplicationId(): string {
    for (;;) {
      const id = normaliseApplicationId(this.faker.string.hexadecimal({ length: 32, prefix: '', casing: 'upper' }));
      if (id && !Object.values(this.model.records).some((r) => r.applicationId === id)) return id;
    }
  }

  private applicationId(phrase: AppIdPhrase): ApplicationIdRef {
    if ('of' in phrase) return { of: phrase.of };
    if ('malformed' in phrase) return { literal: 'not-an-application-id' };
    return { literal: this.unknownApplicationId() };
  }

  /** Turns what the scenario said into the model's Auth. */
  auth(phrase: AuthPhrase): Auth {
    switch (phrase.kind) {
      case 'none':
        return phrase;
      case 'session': {
        const session = phrase.session ?? this.lastSession;
        if (session === undefined) throw new Error('"the session" refers to the last login, but no login has opened a session yet.');
        return { kind: 'session', session };
      }
      case 'passport':
        return {
          kind: 'passport', user: phrase.user ?? 'administrator', password: phrase.password,
          ...(phrase.applicationId ? { applicationId: this.applicationId(phrase.applicationId) } : {}),
        };
      case 'tba': {
        const timed = phrase.nonce !== undefined || phrase.age !== undefined;
        const session = phrase.session ? (phrase.session.name ?? this.lastSession) : undefined;
        if (phrase.session && session === undefined) throw new Error('"and the session" refers to the last login, but no login has opened a session yet.');
        return {
          kind: 'tba', consumerKey: phrase.stale ? { of: phrase.record, stale: true } : { of: phrase.record }, token: phrase.token, signature: phrase.signature,
          ...(phrase.applicationId ? { applicationId: this.applicationId(phrase.applicationId) } : {}),
          ...(phrase.passport ? { alsoPassport: phrase.passport } : {}),
          ...(session !== undefined ? { alsoSession: session } : {}),
          ...(phrase.nonce !== undefined ? { nonce: phrase.nonce } : {}),
          ...(timed ? { timestamp: SCENARIO_CLOCK - (phrase.age ?? 0) } : {}),
        };
      }
    }
  }

  /** When the request arrived: the scenario clock, stated only when the request is timestamped (FACT-12). */
  receivedAt(auth: Auth): { receivedAt?: number } {
    return auth.kind === 'tba' && auth.timestamp !== undefined ? { receivedAt: SCENARIO_CLOCK } : {};
  }
}

/** Why a set-up step failed, and how to write the step when the refusal is what the scenario checks. */
function refusedSetUp(outcome: Refused): string {
  return (
    `This set-up step was refused by ${outcome.rule} (${outcome.fault.code}: ${redactText(outcome.fault.message)}), so the scenario cannot go on from it. ` +
    `A Given step must succeed; if the refusal is what the scenario checks, write the step as a When and follow it with "Then it is refused by ${outcome.rule}".`
  );
}

function listOf(names: readonly string[]): string {
  return names.length === 0 ? 'none yet' : names.map((n) => `"${n}"`).join(', ');
}

setWorldConstructor(HarnessWorld);
