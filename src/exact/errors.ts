/**
 * The one base class of every error this package throws on purpose. `code` says what kind of
 * problem it is, for a program to branch on; `name` is the class's own, so a stack trace or a
 * log line names it; the message says what to change.
 */
export type ErrorCode =
  | 'INPUT' // an argument of a library function out of its range
  | 'NOT_PHYSICAL' // a covariance that is not a quantum state
  | 'PARAMETER' // a model parameter missing, unknown or out of its domain
  | 'MODEL_FILE' // a model file refused (file:line:column)
  | 'EXPRESSION_SYNTAX' // an expression that does not parse
  | 'NOT_LINEAR_GAUSSIAN' // a model the engine cannot linearise exactly, and refuses
  | 'NO_STEADY_STATE' // nothing to converge to
  | 'PRECISION' // a result could not hold its digits within the working-precision limit
  | 'WORKING_PRECISION' // one step failed at one working precision (retried at the next)
  | 'MALFORMED_INPUT' // a results file that cannot be read (line and column)
  | 'SIMULATION_INPUT' // simulate's step, duration, seed or output refused
  | 'PERIODIC_STATE' // no periodic steady state found, or none at these parameters (the lab frame)
  | 'USAGE'; // the command was called wrongly (exit 2)

export class DetunedParampError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.code = code;
    this.name = new.target.name;
  }
}
