import { setup } from 'xstate';
import type { RuleId } from './rules';

/**
 * The lifecycle of one integration record as one account sees it (an "installation").
 * This statechart is the single source of truth: the world moves installations only
 * through it (via the table derived in lifecycle.table.ts), and coverage totals and
 * diagrams are computed from it.
 */

/** Leaf states of the lifecycle, as the rest of the project names them. */
export type LifecycleState = 'absent' | 'enabled' | 'blocked' | 'waitingForApproval' | 'removed';
/** The states an installation can be in while the account holds the record (STATE-01). */
export type PresentState = Extract<LifecycleState, 'enabled' | 'blocked' | 'waitingForApproval'>;

/** How an account came to hold a record; only 'created' gives full control (REC-03, OWN-03). */
export type Origin = 'created' | 'bundle' | 'autoInstall' | 'issueToken' | 'refreshCopy';

export type LifecycleEvent =
  | { type: 'CREATE'; blocked: boolean }
  | { type: 'INSTALL_BUNDLE' }
  | { type: 'AUTO_INSTALL'; requireApproval: boolean }
  | { type: 'ISSUE_TOKEN'; requireApproval: boolean }
  | { type: 'ENABLE' }
  | { type: 'BLOCK' }
  | { type: 'UNINSTALL_BUNDLE'; origin: Origin }
  | { type: 'REFRESH_REMOVE' }
  | { type: 'REFRESH_COPY'; productionState: PresentState };

export type LifecycleEventType = LifecycleEvent['type'];

/** Transition metadata: the rules a transition implements. */
export interface TransitionMeta {
  readonly rules: readonly RuleId[];
}

const meta = (...rules: RuleId[]): TransitionMeta => ({ rules });

/** Each guard is named after the rule it enforces: `RULE-ID:what it checks`. */
export const lifecycleMachine = setup({
  types: {
    events: {} as LifecycleEvent,
  },
  guards: {
    'REC-03:createdBlocked': ({ event }) => event.type === 'CREATE' && event.blocked,
    'TOKEN-02:requireApproval': ({ event }) =>
      (event.type === 'AUTO_INSTALL' || event.type === 'ISSUE_TOKEN') && event.requireApproval,
    'OWN-01:installedByBundle': ({ event }) => event.type === 'UNINSTALL_BUNDLE' && event.origin === 'bundle',
    'SBX-03:productionEnabled': ({ event }) => event.type === 'REFRESH_COPY' && event.productionState === 'enabled',
    'SBX-03:productionBlocked': ({ event }) => event.type === 'REFRESH_COPY' && event.productionState === 'blocked',
    'SBX-03:productionWaiting': ({ event }) =>
      event.type === 'REFRESH_COPY' && event.productionState === 'waitingForApproval',
  },
}).createMachine({
  id: 'installation',
  description: 'One integration record as one account sees it',
  initial: 'absent',
  states: {
    absent: {
      description: 'The account has never held the record',
      on: {
        CREATE: [
          { guard: 'REC-03:createdBlocked', target: '#installation.present.blocked', meta: meta('REC-03', 'STATE-01') },
          { target: '#installation.present.enabled', meta: meta('REC-03', 'REC-01') },
        ],
        INSTALL_BUNDLE: { target: '#installation.present.enabled', meta: meta('OWN-01') },
        AUTO_INSTALL: [
          { guard: 'TOKEN-02:requireApproval', target: '#installation.present.waitingForApproval', meta: meta('OWN-02', 'TOKEN-02') },
          { target: '#installation.present.enabled', meta: meta('OWN-02') },
        ],
        ISSUE_TOKEN: [
          { guard: 'TOKEN-02:requireApproval', target: '#installation.present.waitingForApproval', meta: meta('TOKEN-01', 'TOKEN-02') },
          { target: '#installation.present.enabled', meta: meta('TOKEN-01', 'TOKEN-02') },
        ],
        REFRESH_COPY: [
          { guard: 'SBX-03:productionEnabled', target: '#installation.present.enabled', meta: meta('SBX-03') },
          { guard: 'SBX-03:productionBlocked', target: '#installation.present.blocked', meta: meta('SBX-03') },
          { guard: 'SBX-03:productionWaiting', target: '#installation.present.waitingForApproval', meta: meta('SBX-03') },
        ],
      },
    },
    present: {
      description: 'The account holds the record',
      initial: 'enabled',
      on: {
        REFRESH_REMOVE: { target: 'removed', meta: meta('SBX-02', 'SBX-01') },
        REFRESH_COPY: [
          { guard: 'SBX-03:productionEnabled', target: '.enabled', meta: meta('SBX-03', 'SBX-01') },
          { guard: 'SBX-03:productionBlocked', target: '.blocked', meta: meta('SBX-03', 'SBX-01') },
          { guard: 'SBX-03:productionWaiting', target: '.waitingForApproval', meta: meta('SBX-03', 'SBX-01') },
        ],
      },
      states: {
        enabled: {
          description: 'Requests are accepted',
          on: {
            BLOCK: { target: 'blocked', meta: meta('STATE-01', 'STATE-03') },
            // Only bundle installations leave by uninstall; they start Enabled (FACT-02) and are never Waiting.
            UNINSTALL_BUNDLE: { guard: 'OWN-01:installedByBundle', target: '#installation.removed', meta: meta('OWN-01') },
          },
        },
        blocked: {
          description: 'Requests are rejected',
          on: {
            ENABLE: { target: 'enabled', meta: meta('STATE-01', 'STATE-03') },
            UNINSTALL_BUNDLE: { guard: 'OWN-01:installedByBundle', target: '#installation.removed', meta: meta('OWN-01') },
          },
        },
        waitingForApproval: {
          description: 'Every request is blocked until someone enables the record',
          on: {
            ENABLE: { target: 'enabled', meta: meta('STATE-02', 'STATE-03') },
            BLOCK: { target: 'blocked', meta: meta('STATE-01', 'STATE-03') },
          },
        },
      },
    },
    removed: {
      description: 'A refresh or a bundle uninstall took the record away; it can come back',
      on: {
        INSTALL_BUNDLE: { target: '#installation.present.enabled', meta: meta('OWN-01') },
        AUTO_INSTALL: [
          { guard: 'TOKEN-02:requireApproval', target: '#installation.present.waitingForApproval', meta: meta('SBX-04', 'SBX-05', 'TOKEN-02') },
          { target: '#installation.present.enabled', meta: meta('SBX-04', 'SBX-05') },
        ],
        ISSUE_TOKEN: [
          { guard: 'TOKEN-02:requireApproval', target: '#installation.present.waitingForApproval', meta: meta('TOKEN-01', 'TOKEN-02') },
          { target: '#installation.present.enabled', meta: meta('TOKEN-01', 'TOKEN-02') },
        ],
        REFRESH_COPY: [
          { guard: 'SBX-03:productionEnabled', target: '#installation.present.enabled', meta: meta('SBX-03') },
          { guard: 'SBX-03:productionBlocked', target: '#installation.present.blocked', meta: meta('SBX-03') },
          { guard: 'SBX-03:productionWaiting', target: '#installation.present.waitingForApproval', meta: meta('SBX-03') },
        ],
      },
    },
  },
});

export type GuardName = keyof (typeof lifecycleMachine)['implementations']['guards'];
