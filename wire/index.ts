/** The wire layer's public entry point: the simulator, its options and its audit entries. */
export { startSimulator, buildServer, type Simulator, type SimulatorAccount } from './server';
export { resolveOptions, type AuditEntry, type SimulatorOptions } from './types';
export { credentialsOf, ADMIN_PREFIX } from './admin';
export { servicePath, wsdlPath } from './namespaces';
export { tokenPassportSignature, oauthSignature } from './signatures';
