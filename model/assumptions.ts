import type { RuleId } from './rules';

/**
 * Every choice the model makes where the source texts are silent or ambiguous (ASM-…),
 * and the documented NetSuite facts it models beyond the two source texts (FACT-…).
 * This is the one place they are listed; each is shown by a tagged Gherkin scenario.
 */
export const ASSUMPTIONS = {
  'ASM-01': {
    title: 'Auto-installation takes its State from Require Approval',
    choice: 'An auto-installed record is Waiting for Approval when Require Approval is checked in the account, otherwise Enabled.',
    why: 'The texts give this rule only for the Issue Token endpoint (TOKEN-02); applying it to every auto-installation keeps one approval gate per account.',
    rules: ['OWN-02', 'TOKEN-02', 'SBX-05'],
  },
  'ASM-02': {
    title: 'Issue Token installs the calling application\'s record',
    choice: 'The Issue Token endpoint references an existing record (by consumer key) owned by the application\'s publisher; "created and installed" means the account gets a new installation of it, never ownership. The endpoint is a REST call with no SOAP endpoint version; every modelled account is on release 2019.1 or later, so it is always available.',
    why: 'The overview says installed records "are considered to be owned by a different NetSuite account".',
    rules: ['TOKEN-01', 'OWN-03'],
  },
  'ASM-03': {
    title: 'A sandbox keeps ownership of a record it created that production holds',
    choice: 'A refresh copies production\'s State and Note of such a record back into the sandbox, and the sandbox stays its owner.',
    why: 'The sandbox text only says "settings are copied"; ownership belongs to the account that created the record, which still exists.',
    rules: ['SBX-03', 'OWN-05'],
  },
  'ASM-04': {
    title: 'Production records copied by a refresh are installed, not owned, in the sandbox',
    choice: 'Only State and Note of a copied record are editable in the sandbox. A record production holds by a bundle is copied as a bundle installation (the bundle comes with the refresh), so uninstalling that bundle in the sandbox removes it; any other copy counts as installed by the refresh.',
    why: 'The common fields must stay identical in every account that holds the record (REC-04).',
    rules: ['SBX-03', 'REC-04', 'OWN-03'],
  },
  'ASM-05': {
    title: 'What else a refresh overwrites',
    choice: 'The sandbox gets production\'s preferences and Default record State; its logs, system notes, access tokens and sessions are cleared; its users are kept.',
    why: '"Production data overwrites sandbox content"; request history and tokens belong to the account where they happened (tokens: FACT-04).',
    rules: ['SBX-01'],
  },
  'ASM-06': {
    title: 'Only accepted requests are logged',
    choice: 'Refused requests appear in no log; getDataCenterUrls appears in no log.',
    why: 'Keeps the log invariants exact; the texts do not say how refusals are logged.',
    rules: ['LOG-01', 'AUTH-06'],
  },
  'ASM-07': {
    title: 'Order in which a request is refused',
    choice: 'Ambiguous authentication first, on every operation: token-based authentication with an Application ID (AUTH-03), a Passport (FACT-09) or an open session (FACT-10); then the endpoint era (AUTH-04, AUTH-07); then credentials and consumer key, token and signature, timestamp and nonce (FACT-12, FACT-11); then the permitted methods; then the State.',
    why: 'A request breaking several rules gets one reason; the most specific documented failure comes first.',
    rules: ['AUTH-03', 'AUTH-04', 'AUTH-07', 'AUTH-01', 'STATE-01'],
  },
  'ASM-08': {
    title: 'Auto-installation needs an otherwise admissible request',
    choice: 'A request auto-installs a record only with valid user credentials and a method the record permits; a request refused before that installs nothing. Once installed, the State may still refuse it (Waiting for Approval).',
    why: 'A failed login should not change an account.',
    rules: ['OWN-02', 'AUTH-01'],
  },
  'ASM-09': {
    title: 'All user credentials end at 2020.2',
    choice: 'On 2020.2 and later, Passport requests, login/ssoLogin and requests in a session are all refused.',
    why: 'The text says integrations on 2020.2 and later must use TBA and user credentials work only on 2020.1 and earlier.',
    rules: ['AUTH-07'],
  },
  'ASM-10': {
    title: 'RESTlets',
    choice: 'RESTlet calls have no endpoint version and do not appear in the SOAP usage log; token-based calls are tracked by their record and face the same State checks; user-credential calls are tracked by no record.',
    why: 'LOG-02 says the execution log shows RESTlet calls only when they use token-based authentication.',
    rules: ['LOG-02', 'STATE-01'],
  },
  'ASM-11': {
    title: 'The Full permission does not include the list page',
    choice: 'A role with only Integration Application (Full) can view, edit and create records but not the Integrations list page.',
    why: 'The texts give the list page its own permission (PERM-01).',
    rules: ['PERM-01', 'PERM-02'],
  },
  'ASM-12': {
    title: 'Bundles and existing installations',
    choice: 'Installing a bundle leaves a record the account already holds as it is; uninstalling removes only what that bundle installed.',
    why: 'An installation has one origin; the bundle owns only what it brought.',
    rules: ['OWN-01'],
  },
  'ASM-13': {
    title: 'A record whose creator lost it is frozen',
    choice: 'When the creating account no longer holds a record with full control (after a refresh removed it), nobody can edit its common fields or regenerate its credentials.',
    why: 'SBX-04 says an auto-installation brought back gives no full control; the texts name no other owner.',
    rules: ['SBX-04', 'REC-05', 'OWN-03'],
  },
  'ASM-14': {
    title: 'Token-based auto-installation goes through Issue Token',
    choice: 'A token-based request for a record the account does not hold fails its token check (tokens die with the installation); the Issue Token endpoint is the token-based way to auto-install.',
    why: 'A token is issued for an installed application, and a refresh or uninstall deletes it.',
    rules: ['OWN-02', 'TOKEN-01'],
  },
  'ASM-15': {
    title: 'Issue Token on a record already held',
    choice: 'On a held record Issue Token is a request like any other: refused while Blocked or Waiting for Approval. On a record not held it installs the record and issues the token, even when the new State is Waiting for Approval.',
    why: 'TOKEN-02 describes the State of the new record; STATE-02 blocks every request while it waits.',
    rules: ['TOKEN-01', 'TOKEN-02', 'STATE-02'],
  },
  'ASM-16': {
    title: 'Sessions follow their record',
    choice: 'A session keeps the record it logged in with; later requests in it face that record\'s current State, and fail once the record left the account.',
    why: 'AUTH-05: the Application ID is sent once per session, so the session stands for it.',
    rules: ['AUTH-05', 'STATE-01'],
  },
  'ASM-17': {
    title: 'The replay window and the nonces kept',
    choice: 'SOAP and RESTlet token-based requests get the ±5 minutes Oracle documents for the TBA authorization flow (FACT-12): a timestamp further than 300 seconds from the time received is refused as InvalidTimestamp. A nonce is checked against the nonces of the same token\'s accepted requests, whatever their timestamp, after the signature and before the State; it is kept only once the request is accepted (a refusal changes nothing, ASM-06), and only while its timestamp is inside the window of the latest accepted request. A nonce always comes with its timestamp. Requests without nonce and timestamp (the model-only scenarios) are not checked.',
    why: 'Oracle gives the window only for the authorization flow and says of SOAP only that an "incorrect timestamp" fails; keeping older nonces adds nothing, since their timestamp would be refused anyway, and keeps the world bounded.',
    rules: ['AUTH-05'],
  },
  'ASM-18': {
    title: 'Wire values no public source shows',
    choice: 'Login Audit Trail details waiting_for_approval, integration_blocked, default_integration_blocked, invalid_token and method_not_permitted; on SOAP, refusals other than an invalid login and Ambiguous authentication are invalidCredentialsFault with code USER_ERROR and the model\'s message, except an invalid session (invalidSessionFault, SESSION_TIMED_OUT) and wrong user credentials (INVALID_LOGIN_CREDENTIALS); on RESTlets every refusal is HTTP 401 with the model\'s code and message in NetSuite\'s error body; ssoLogin takes a passport header like login; logout without a session cookie answers success with no model command (with one it is the model\'s logout, ASM-19); an unknown account or consumer key is an invalid login answered without a model command; a JSESSIONID cookie with token-based authentication makes a RESTlet call ambiguous as it does a SOAP request (FACT-10); account IDs are seven digits; the Issue Token answer is JSON { "token", "tokenSecret" }; a request the wire cannot read gets an HTTP rejection of the simulator\'s own wording with no model command (400 INVALID_REQUEST, 404 NOT_FOUND, 413 EXCEEDED_REQUEST_SIZE over the documented size limits, 415 UNSUPPORTED_MEDIA_TYPE for a SOAP body that is not XML).',
    why: 'The simulator must answer every refusal somehow; where Oracle\'s pages and public fixtures are silent the answer follows the documented ones nearest to it.',
    rules: ['STATE-01', 'STATE-02', 'AUTH-01', 'TOKEN-01'],
  },
  'ASM-19': {
    title: 'Logout closes its session',
    choice: 'logout, sent in an open session on 2020.1 or earlier, closes that session and answers success; requests in it are then refused as in a session that is no longer valid (ASM-16). Logging out of a session already closed changes nothing and answers success too. On 2020.2 and later logout is refused like login (AUTH-07, ASM-09).',
    why: 'AUTH-05 ties the Application ID to the session that login opens; the texts say nothing of its end, and a closed session must authenticate nothing, or a client that logged out would still be tracked by the record.',
    rules: ['AUTH-05', 'AUTH-07'],
  },
  'ASM-20': {
    title: 'What an outcome cites',
    choice: 'Every outcome, accepted, refused or invalid, names the command it answers. An accepted command cites exactly the rules it put to use on the way to acceptance, each once: for a request, the method the record permits (AUTH-01), the era\'s rule, the logs it reached, the replay rules when it carried a nonce, auto-installation when it made one; for an edit, the rules of the fields it changed, and OWN-03 when the account did not create the record; for set-up commands (accounts, users), none. An accepted command that changed the world also says, in words, what it changed. A refused command cites the one rule that refused it, the first in the documented order (ASM-07).',
    why: 'The texts say nothing of citing, but rule coverage in the reports counts these citations: a list naming a rule the command did not use would show as exercised a rule nothing exercised, and one missing a rule would hide that it was.',
    rules: [],
  },
} as const satisfies Record<string, { title: string; choice: string; why: string; rules: readonly RuleId[] }>;

/** Documented NetSuite behaviour the issue asks for beyond the two source texts. */
export const FACTS = {
  'FACT-01': { text: 'A record created in its account is Enabled by default and may be created Blocked; Waiting for Approval arises only from auto-installation with Require Approval checked.' },
  'FACT-02': { text: 'A bundle installation is always Enabled.' },
  'FACT-03': { text: 'Records are never deleted: removing one means blocking it; only a bundle uninstall or a sandbox refresh uninstalls it from an account.' },
  'FACT-04': { text: 'Access tokens belong to one account; a sandbox refresh deletes the sandbox\'s tokens and does not copy production\'s.' },
  'FACT-05': { text: 'Regenerating the consumer key and secret (owner account only) keeps existing tokens working.' },
  'FACT-06': { text: 'The Default Web Services Integrations record tracks requests with neither an Application ID nor token-based authentication, accepted only on 2015.1 and earlier; blocking it blocks them; it cannot use token-based authentication.' },
  'FACT-07': { text: 'The login operation is not available with token-based authentication.' },
  'FACT-08': { text: 'Token-based requests need the Token-Based Authentication feature enabled in the account.' },
  'FACT-09': {
    text: 'A token-based SOAP request that also carries a Passport (e-mail and password) is refused as "Ambiguous authentication".',
    source: 'Oracle NetSuite Help, "Token-Based Authentication Errors in SOAP Web Services" (docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_1509544929.html): an Application ID, a passport object or a valid JSESSIONID besides the TBA header returns an ambiguous authentication error. The answer\'s form: faultstring "Ambiguous authentication", invalidCredentialsFault with code USER_ERROR (github.com/NetSweet/netsuite/issues/368).',
  },
  'FACT-10': {
    text: 'A token-based SOAP request sent in an open session (a valid JSESSIONID) is refused as "Ambiguous authentication".',
    source: 'Oracle NetSuite Help, section_1509544929 (as FACT-09).',
  },
  'FACT-11': {
    text: 'A token-based request whose nonce the same token already used is refused as an invalid login; the Login Audit Trail shows NonceUsed (SOAP) or nonce_used (RESTlets).',
    source: 'Oracle NetSuite Help, section_1509544929 ("Issues with Nonce and Invalid Timestamps": reusing nonce and timestamp is not allowed) and "Error Messages for RESTlets, SOAP Web Services, and REST Web Services" (subsect_156935170194.html: nonce_used / NonceUsed).',
  },
  'FACT-12': {
    text: 'A token-based request\'s timestamp must be within plus or minus five minutes of the server time; otherwise it is an invalid login, shown as InvalidTimestamp in the Login Audit Trail.',
    source: 'Oracle NetSuite Help, "Error Messages for the TBA Authorization Flow" (subsect_156934879823.html: InvalidTimestamp, ±5 minutes of the server time); section_1509544929 (an incorrect timestamp fails a SOAP request). The window for requests is ASM-17.',
  },
  'FACT-13': {
    text: 'What NetSuite shows for a refused login: on SOAP a fault (HTTP 500, faultcode soapenv:Server.userException) whose detail is a platform fault (invalidCredentialsFault, invalidSessionFault...) with a code from FaultCodeType and a message, an invalid login being "Invalid login attempt." with code USER_ERROR; on RESTlets HTTP 401 with {"error":{"code":"INVALID_LOGIN_ATTEMPT","message":"Invalid login attempt."}}; in the Login Audit Trail the details consumer_key_refused (Blocked), consumer_key_unknown, FeatureDisabled and InvalidSignature.',
    source: 'github.com/NetSweet/netsuite/issues/368 (fault envelope); github.com/netsuitephp/netsuite-php/issues/121 ("[soapenv:Server.userException] Invalid login attempt", InvalidSignature in the Login Audit Trail); github.com/fylein/netsuite-sdk-py/issues/29 (zeep Fault "Invalid login attempt."); netsuitephp/netsuite-php src/Classes/FaultCodeType.php (USER_ERROR, INVALID_LOGIN_CREDENTIALS, SESSION_TIMED_OUT...); Oracle NetSuite Help subsect_156935170194.html (consumer_key_refused, consumer_key_unknown, FeatureDisabled) and subsect_158324637123.html (InvalidSignature); the RESTlet body as public integration logs quote it.',
  },
  'FACT-14': {
    text: 'Requests name their account by its ID: the tokenPassport and passport account, the OAuth realm, nlauth_account. A sandbox\'s ID is its production\'s with _SB1, _SB2..., upper case: a lower-case realm fails (InvalidSignature). The Issue Token endpoint is GET or POST /rest/issuetoken?consumerKey=... authenticated with an NLAuth header.',
    source: 'Oracle NetSuite Help, "TokenPassport Complex Type" (section_4395630653.html) "Issue Token and Revoke Token REST Services for Token-based Authentication" (chapter_157017286140.html) and "The IssueToken Endpoint" (section_156337184796.html: Require Approval decides Enabled or Waiting for Approval); github.com/fylein/netsuite-sdk-py/issues/29 and github.com/netsuitephp/netsuite-php/issues/121 (12345_SB1, not 12345_sb1); public SuiteScript calling rest/issuetoken?consumerKey= with an NLAuth Authorization header.',
  },
} as const satisfies Record<string, { text: string; source?: string }>;

export type AssumptionId = keyof typeof ASSUMPTIONS;
export type FactId = keyof typeof FACTS;
export const ASSUMPTION_IDS = Object.keys(ASSUMPTIONS) as AssumptionId[];
export const FACT_IDS = Object.keys(FACTS) as FactId[];
