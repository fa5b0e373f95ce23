export interface FieldProblem {
  path: string;
  message: string;
}

/** An error that is meant for the caller: its status, a stable code and a safe message. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly fields?: FieldProblem[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

export const unauthorised = (message = 'Sign in first') => new HttpError(401, 'unauthorised', message);
export const forbidden = (message = 'Not allowed') => new HttpError(403, 'forbidden', message);
export const notFound = (message = 'Not found') => new HttpError(404, 'not_found', message);
export const conflict = (message: string, fields?: FieldProblem[]) => new HttpError(409, 'conflict', message, fields);
export const unprocessable = (code: string, message: string, fields?: FieldProblem[]) => new HttpError(422, code, message, fields);
export const badRequest = (message: string, fields?: FieldProblem[]) => new HttpError(400, 'validation_failed', message, fields);

const unavailableCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03', '53300']);

/** Connection loss, not a bad statement: the caller may retry and nothing was committed. */
export function isDatabaseUnavailable(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' && (unavailableCodes.has(code) || code.startsWith('08'))) return true;
  const message = String((err as { message?: unknown }).message ?? '');
  return /Connection terminated|PGlite is closed|timeout exceeded when trying to connect|Driver has already been destroyed|Cannot use a pool after calling end|connect ECONNREFUSED/i.test(
    message,
  );
}

export function isUniqueViolation(err: unknown): boolean {
  return !!err && typeof err === 'object' && (err as { code?: unknown }).code === '23505';
}

export function isForeignKeyViolation(err: unknown): boolean {
  return !!err && typeof err === 'object' && (err as { code?: unknown }).code === '23503';
}

/**
 * A statement the database refused because of a value the caller sent (SQLSTATE class 22, data
 * exception: invalid text representation, numeric out of range, string too long, bad date; or a
 * check or not-null constraint). The routes' schemas should have caught it; this is the net
 * behind them, so such input is the caller's 4xx and never a 500 that echoes SQL.
 */
export function inputRefusedByDatabase(err: unknown): { status: 400 | 422; code: string } | null {
  if (!err || typeof err !== 'object') return null;
  const code = (err as { code?: unknown }).code;
  if (typeof code !== 'string' || !/^[0-9A-Z]{5}$/.test(code)) return null;
  if (code.startsWith('22')) return { status: 400, code: 'invalid_value' };
  if (code === '23514' || code === '23502') return { status: 422, code: 'constraint_violated' };
  return null;
}
