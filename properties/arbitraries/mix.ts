import fc from 'fast-check';
import type { Intent } from './intent';
import { weighted } from './values';
import { addAccountIntent, addUserIntent, approveIntent, createAccessTokenIntent, createBundleIntent, createRecordIntent, editRecordIntent, installBundleIntent, issueTokenIntent, refreshSandboxIntent, regenerateIntent, searchOperationsIntent, setDefaultRecordStateIntent, setPreferenceIntent, uninstallBundleIntent, viewIntegrationsIntent, viewRecordIntent } from './intents';
import { loginIntent, logoutIntent, requestIntent } from './requests';

/** Relative weights of the command kinds in a generated sequence. */
export const DEFAULT_MIX = {
  request: 30, login: 4, logout: 2, createRecord: 7, editRecord: 10, approve: 3, regenerateCredentials: 2, createBundle: 3, installBundle: 5, uninstallBundle: 3,
  createAccessToken: 5, issueToken: 5, setPreference: 5, setDefaultRecordState: 1, refreshSandbox: 4, viewIntegrations: 2,
  viewRecord: 4, searchOperations: 2, addAccount: 1, addUser: 1,
} as const satisfies Record<string, number>;
type IntentKind = keyof typeof DEFAULT_MIX;
export type Mix = Readonly<Record<IntentKind, number>>;

const INTENT_ARBITRARIES: Readonly<Record<IntentKind, fc.Arbitrary<Intent>>> = {
  request: requestIntent,
  login: loginIntent,
  logout: logoutIntent,
  createRecord: createRecordIntent,
  editRecord: editRecordIntent,
  approve: approveIntent,
  regenerateCredentials: regenerateIntent,
  createBundle: createBundleIntent,
  installBundle: installBundleIntent,
  uninstallBundle: uninstallBundleIntent,
  createAccessToken: createAccessTokenIntent,
  issueToken: issueTokenIntent,
  setPreference: setPreferenceIntent,
  setDefaultRecordState: setDefaultRecordStateIntent,
  refreshSandbox: refreshSandboxIntent,
  viewIntegrations: viewIntegrationsIntent,
  viewRecord: viewRecordIntent,
  searchOperations: searchOperationsIntent,
  addAccount: addAccountIntent,
  addUser: addUserIntent,
};

/** One generated step, kinds weighted by `mix`. */
export function intentArb(mix: Mix = DEFAULT_MIX): fc.Arbitrary<Intent> {
  const entries = (Object.keys(mix) as IntentKind[]).filter((k) => mix[k] > 0).map((k) => [mix[k], INTENT_ARBITRARIES[k]] as const);
  return weighted(...entries);
}
