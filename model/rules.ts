/**
 * The rule catalogue: every rule the model implements, with the same stable IDs as the
 * project's source catalogue, the texts in this project's own words. Scenario tags and
 * property names use these IDs; coverage is checked against this list.
 */
export const RULES = {
  'REC-01': { area: 'Records', text: 'Every external application has its own integration record with a Name and a Description.' },
  'REC-02': { area: 'Records', text: 'Every record gets an Application ID when it is created: 32 hex digits (shown 8-4-4-4-12, uppercase), unique, never editable.' },
  'REC-03': { area: 'Records', text: 'A record is available in its account as soon as it is created; that account owns it and its administrators may edit it.' },
  'REC-04': { area: 'Records', text: 'Application ID, Name, Description, Authentication, Consumer Key and Consumer Secret are common to every account holding the record; State, Note and execution log are per account.' },
  'REC-05': { area: 'Records', text: 'Consumer Key and Consumer Secret cannot be edited, only regenerated, and only in the account that created the record.' },
  'REC-06': { area: 'Records', text: 'The permitted authentication methods (user credentials, token-based, or both) are chosen when the record is created.' },
  'OWN-01': { area: 'Ownership', text: 'A record reaches other accounts by bundle installation or by auto-installation.' },
  'OWN-02': { area: 'Ownership', text: 'A request that references a record (its Application ID, or for token-based authentication its consumer key) auto-installs it; this works for records permitting either method.' },
  'OWN-03': { area: 'Ownership', text: 'Where a record is installed (bundle or auto), only State and Note are editable; everything else belongs to the owner.' },
  'OWN-04': { area: 'Ownership', text: "The owner's changes sync to every installing account without appearing in those accounts' system notes." },
  'OWN-05': { area: 'Ownership', text: 'A record created in a sandbox and installed in production is not owned by production.' },
  'OWN-06': { area: 'Ownership', text: 'Only the account that created a record can see its Application ID.' },
  'STATE-01': { area: 'States', text: 'A record is Enabled, Blocked or Waiting for Approval in each account; a Blocked record has its requests rejected.' },
  'STATE-02': { area: 'States', text: 'A record Waiting for Approval has every request blocked until someone enables it.' },
  'STATE-03': { area: 'States', text: 'State and Note can be edited in every account that holds the record, owner or not.' },
  'TOKEN-01': { area: 'Issue Token', text: 'Calling the Issue Token endpoint (2019.1 and later) installs the integration record in the account automatically.' },
  'TOKEN-02': { area: 'Issue Token', text: 'Require Approval decides the new installation State: unchecked gives Enabled, checked gives Waiting for Approval.' },
  'AUTH-01': { area: 'Authentication', text: "A request must use one of the record's permitted authentication methods." },
  'AUTH-02': { area: 'Authentication', text: 'A user-credentials request needs an Application ID to be tracked by the right record.' },
  'AUTH-03': { area: 'Authentication', text: 'A token-based request never carries an Application ID; one that does fails, on every endpoint.' },
  'AUTH-04': { area: 'Authentication', text: 'On 2015.1 and earlier, token-based authentication is unsupported; requests without an Application ID go to the Default Web Services Integrations record.' },
  'AUTH-05': { area: 'Authentication', text: 'On 2015.2 and later, a request needs an Application ID with valid user credentials, or token-based details; login/ssoLogin send the Application ID once per session.' },
  'AUTH-06': { area: 'Authentication', text: 'getDataCenterUrls needs neither authentication nor an Application ID.' },
  'AUTH-07': { area: 'Authentication', text: 'On 2020.2 and later, request-level user credentials (Passport) are refused with an error; user credentials work on 2020.1 and earlier.' },
  'AUTH-08': { area: 'Authentication', text: 'Application IDs are confidential and are never shown where they need not be.' },
  'PERM-01': { area: 'Permissions', text: 'The Integration Applications (List) permission lets a non-administrator see the Integrations list.' },
  'PERM-02': { area: 'Permissions', text: 'The Integration Application (Full) permission lets a non-administrator view, edit and create records and see the Integration field in operation searches.' },
  'LOG-01': { area: 'Logs', text: "A record's execution log holds only that application's requests; the account's usage log holds every request." },
  'LOG-02': { area: 'Logs', text: 'For RESTlets, the execution log shows only token-based requests.' },
  'SBX-01': { area: 'Sandbox', text: "A sandbox refresh overwrites the sandbox with production's data." },
  'SBX-02': { area: 'Sandbox', text: 'A record that existed only in the sandbox is removed by a refresh.' },
  'SBX-03': { area: 'Sandbox', text: "Production's records are copied into the sandbox with their settings." },
  'SBX-04': { area: 'Sandbox', text: 'After a refresh, a removed record can be auto-installed back by its Application ID, without full control.' },
  'SBX-05': { area: 'Sandbox', text: 'Auto-installation keeps nothing of an earlier installation: it starts with an empty log and Note and the State auto-installation gives.' },
  'SBX-06': { area: 'Sandbox', text: 'Develop and test a record in the sandbox, then create a new one in production with the tested settings.' },
} as const satisfies Record<string, { area: string; text: string }>;

export type RuleId = keyof typeof RULES;
export const RULE_IDS = Object.keys(RULES) as RuleId[];

export function isRuleId(value: string): value is RuleId {
  return Object.prototype.hasOwnProperty.call(RULES, value);
}
