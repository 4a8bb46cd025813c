/** What `storyloc doctor` finds: one value per check, each with the fix when something is missing. */
import type { MessageKey } from '../i18n/catalogs.js';

export type DoctorStatus = 'ok' | 'warn' | 'fail' | 'skip';

export interface DoctorMessage {
  /** i18next key (namespace:key) */
  key: MessageKey;
  params: Record<string, unknown>;
}

export interface DoctorFinding {
  /** stable id: `node`, `config`, `languages`, `engine.apertium`, `engine.deepl`, `glossary`, … */
  id: string;
  status: DoctorStatus;
  message: DoctorMessage;
  /** what to do about it (warn and fail only) */
  fix?: DoctorMessage;
}

export interface DefaultEngineVerdict {
  /** the engine `translate` would use, null when the config cannot be read */
  name: string | null;
  /** why that one (`engines:reason.*`) */
  reason: DoctorMessage | null;
  /** it starts and translates at least one configured pair (or is `none`, chosen in the config) */
  canRun: boolean;
  /** configured pairs (`ko→it`) it cannot translate here: their stories are left for a translator */
  leftOut: string[];
}

export interface DoctorReport {
  findings: DoctorFinding[];
  defaultEngine: DefaultEngineVerdict;
}
