import type { CoverageRecorder } from '../io/recorder';
import type { AuthKind, Command, EndpointVersion, LoginAuditDetail, Outcome, Reason } from '../model';

/** Types shared by the wire modules. */

/** Which door a request came through. */
export type WireChannel = 'soap' | 'restlet' | 'issueToken';

/** How many entries /__harness/audit keeps unless told otherwise; the --audit file keeps every one. */
export const DEFAULT_AUDIT_LIMIT = 10_000;

/** NetSuite's documented SOAP request limit, 100 MB (see `SimulatorOptions.soapBodyLimit`). */
export const SOAP_BODY_LIMIT = 100 * 1024 * 1024;
/** NetSuite's documented RESTlet input limit, 10 MB (see `SimulatorOptions.bodyLimit`). */
export const BODY_LIMIT = 10 * 1024 * 1024;

/** What `startSimulator` accepts; `resolveOptions` completes it once. */
export interface SimulatorOptions {
  /** Seed of the world (ignored when `world` names a file, which carries its own). Default 1. */
  readonly seed?: number;
  /** A simulation file (the format `npm run simulate` reads) whose commands set the world up. */
  readonly world?: string;
  /** Appends every audit entry to this file as one JSON line. */
  readonly audit?: string;
  /** Observes every outcome, as scenarios and properties do, for `npm run report`. */
  readonly recorder?: CoverageRecorder;
  /** 127.0.0.1 unless told otherwise. */
  readonly host?: string;
  /** 0 (a free port) unless told otherwise. */
  readonly port?: number;
  /** Milliseconds since the epoch; tests move time, the model never reads a clock. */
  readonly clock?: () => number;
  /** Called with one line per refused request (the CLI prints them). */
  readonly onRefusal?: (line: string) => void;
  /** How many audit entries /__harness/audit keeps, newest last (default 10,000); the `audit` file keeps all. */
  readonly auditLimit?: number;
  /**
   * The largest SOAP request body in bytes: NetSuite's documented 100 MB ("The maximum allowed
   * size for a SOAP request is 100MB", Oracle NetSuite Help, SOAP Web Services Governance
   * Overview, section_N3418637), read as 100 MiB. Larger is answered 413 without being read.
   */
  readonly soapBodyLimit?: number;
  /**
   * The largest body anywhere else (RESTlets, Issue Token, the administration API): 10 MB,
   * what NetSuite guarantees a RESTlet's input ("RESTlet Governance and Security", section_4640094112).
   */
  readonly bodyLimit?: number;
}

export interface ResolvedOptions {
  readonly seed: number;
  readonly world: string | undefined;
  readonly audit: string | undefined;
  readonly recorder: CoverageRecorder | undefined;
  readonly host: string;
  readonly port: number;
  readonly clock: () => number;
  readonly onRefusal: ((line: string) => void) | undefined;
  readonly auditLimit: number;
  readonly soapBodyLimit: number;
  readonly bodyLimit: number;
}

export function resolveOptions(options: SimulatorOptions = {}): ResolvedOptions {
  return {
    seed: options.seed ?? 1,
    world: options.world,
    audit: options.audit,
    recorder: options.recorder,
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 0,
    clock: options.clock ?? Date.now,
    onRefusal: options.onRefusal,
    auditLimit: options.auditLimit ?? DEFAULT_AUDIT_LIMIT,
    soapBodyLimit: options.soapBodyLimit ?? SOAP_BODY_LIMIT,
    bodyLimit: options.bodyLimit ?? BODY_LIMIT,
  };
}

/** One answered request, as the audit trail keeps it (confidential values redacted). */
export interface AuditEntry {
  readonly seq: number;
  readonly time: string;
  /** The NetSuite account ID the request named, as sent (absent when it named none). */
  readonly accountId?: string;
  /** The world's name for that account, when there is one. */
  readonly account?: string;
  readonly channel: WireChannel;
  readonly endpoint?: EndpointVersion;
  readonly operation: string;
  readonly auth: AuthKind | 'nlauth' | 'oauth';
  readonly verdict: Outcome['kind'];
  readonly rule?: Reason;
  readonly fault?: { readonly code: string; readonly message: string; readonly detail?: LoginAuditDetail | string };
  /** The record that tracked an accepted request. */
  readonly trackedBy?: string;
}

/** What a codec makes of a request before the world sees it. */
export type Decoded =
  /** A model command to apply; `context` is what the encoder needs to answer. */
  | { readonly kind: 'command'; readonly command: Command; readonly context: WireContext }
  /**
   * Answered at the wire with no command: the request names no account or consumer key the
   * world knows, or is not a request at all (ASM-18). The world stays as it is.
   */
  | { readonly kind: 'answer'; readonly answer: WireAnswer; readonly context: WireContext; readonly refusal?: WireRefusal };

export interface WireRefusal {
  readonly rule: Reason;
  readonly code: string;
  readonly message: string;
  readonly detail?: LoginAuditDetail | string;
}

/** What the encoder and the audit trail need to know about the request. */
export interface WireContext {
  readonly channel: WireChannel;
  readonly endpoint?: EndpointVersion;
  readonly operation: string;
  readonly accountId?: string;
  readonly account?: string;
  readonly auth: AuditEntry['auth'];
  /** The simulator's own base URL, for getDataCenterUrls. */
  readonly baseUrl: string;
  /** A login opens this session: the encoder sets it as the JSESSIONID cookie. */
  readonly session?: string;
  /** An Issue Token call: the token handle the command names. */
  readonly token?: string;
}

export interface WireAnswer {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
  readonly headers?: Readonly<Record<string, string>>;
}
