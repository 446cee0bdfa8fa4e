import type { EndpointVersion, RestletMethod } from '../../model';
import { isMalformed, type AuthPhrase } from '../auth-phrase';
import { step, type StepArea } from '../library';
import { isLoginOperation, type Operation } from '../vocabulary';
import type { HarnessWorld } from '../world';

/** SOAP web services requests, logins and RESTlet calls, with every form of authentication. */

function freshSession(world: HarnessWorld): string {
  let n = Object.keys(world.model.sessions).length + 1;
  while (world.model.sessions[`session ${n}`]) n++;
  return `session ${n}`;
}

function login(world: HarnessWorld, account: string, operation: Operation, endpoint: EndpointVersion, phrase: AuthPhrase, session: string): void {
  if (!isLoginOperation(operation)) throw new Error(`Invalid operation "${operation}" for a session: should be login or ssoLogin`);
  const o = world.run({ type: 'login', account, endpoint, operation, auth: world.auth(phrase), session }, { malformed: isMalformed(phrase) });
  if (o.kind === 'accepted') world.lastSession = session;
}

export const requestSteps: StepArea = {
  area: 'Requests',
  intro: 'A request names the account it reaches, the endpoint version and the authentication it carries. The last request is "it" in the outcome steps.',
  steps: [
    step('When', '{string} receives a(n) {operation} request on endpoint {endpoint} with {auth}', 'A SOAP request; login and ssoLogin open a session that "the session" then refers to.',
      '"Acme" receives a get request on endpoint 2021.1 with token-based authentication for "App" with token "T1"',
      function (account: string, operation: Operation, endpoint: EndpointVersion, phrase: AuthPhrase) {
        if (isLoginOperation(operation)) {
          login(this, account, operation, endpoint, phrase, freshSession(this));
          return;
        }
        const auth = this.auth(phrase);
        this.run({ type: 'request', request: { channel: 'soap', account, endpoint, operation, auth, ...this.receivedAt(auth) } }, { malformed: isMalformed(phrase) });
      }),
    step('When', '{string} receives a(n) {operation} request on endpoint {endpoint} for the session {string} with {auth}', 'A login or ssoLogin that opens a named session.',
      '"Acme" receives a login request on endpoint 2019.1 for the session "S1" with user credentials and the Application ID of "App"',
      function (account: string, operation: Operation, endpoint: EndpointVersion, session: string, phrase: AuthPhrase) {
        login(this, account, operation, endpoint, phrase, session);
      }),
    step('When', '{string} receives a RESTlet {httpMethod} call with {auth}', 'A RESTlet call (no endpoint version).', '"Acme" receives a RESTlet POST call with token-based authentication for "App" with token "T1"',
      function (account: string, method: RestletMethod, phrase: AuthPhrase) {
        const auth = this.auth(phrase);
        this.run({ type: 'request', request: { channel: 'restlet', account, method, auth, ...this.receivedAt(auth) } }, { malformed: isMalformed(phrase) });
      }),
    step('When', '{string} receives a logout request on endpoint {endpoint} for the session {string}', 'A logout sent in a named session: closes it (ASM-19).',
      '"Acme" receives a logout request on endpoint 2019.1 for the session "S1"',
      function (account: string, endpoint: EndpointVersion, session: string) {
        this.run({ type: 'logout', account, endpoint, session });
      }),
  ],
};
