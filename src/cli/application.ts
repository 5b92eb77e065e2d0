/**
 * What the command runs. The ledger (the paper's claims and assumptions) is handed to it at
 * start-up by bin/detuned-paramp.js, so src/ never imports proofs/. Each command takes plain
 * inputs and returns what is printed or written; an input it refuses is thrown as a
 * UsageError (exit 2), anything else exits 1.
 */
import type { Assumption, Claim } from '../verify/claim.ts';

/** The claims and assumptions verify checks, loaded only when verify runs. */
export interface Ledger {
  loadClaims(): Promise<readonly Claim[]>;
  loadAssumptions(): Promise<readonly Assumption[]>;
}

/** Where a model comes from: a built-in one with its flags, or a model file's text with its --set values. */
export type ModelSource =
  | { readonly model: string; readonly parameters: Readonly<Record<string, string>> }
  | { readonly file: string; readonly text: string; readonly set: Readonly<Record<string, string>> };

export interface Commands {
  /** The models `solve --model` takes. */
  readonly modelNames: readonly string[];
  /** solve's parameter flags, each with its description and range. */
  readonly parameters: Readonly<Record<string, string>>;
  /** The steady states of a model at one point, as JSON and as text; a refused model or value is a UsageError. */
  solve(source: ModelSource, digits: number): { readonly json: object; readonly text: string };
  /** solve --frame lab: the periodic state beyond the RWA at quality factor `q`. */
  solveLab(source: ModelSource, q: string | undefined, digits: number, bath: 'optical' | 'brownian'): Promise<{ readonly json: object; readonly text: string }>;
  /** Figure 2: the files to write and the lines to print; `worker` computes every other curve in another process. */
  figure2(request: {
    digits: number;
    points: number;
    /** Also the bands without the RWA at this quality factor. */
    q?: string;
    /** Enclose every grid value (figure2.csv's K_lo, K_hi). */
    certifyGrid?: boolean;
    /** Prove each minimum the least over the range (branch and bound). */
    certifyGlobal?: boolean;
    worker?: () => Promise<unknown[]>;
    progress: (line: string) => void;
  }): Promise<{ files: Readonly<Record<string, string>>; lines: readonly string[] }>;
  /** A figure2 worker's share of the curves (every `of`-th from the `shard`-th), as JSON-safe data. */
  figure2Shard(request: {
    digits: number;
    points: number;
    shard: number;
    of: number;
    certifyGrid?: boolean;
    certifyGlobal?: boolean;
    progress: (line: string) => void;
  }): Promise<unknown[]>;
  /** A simulated record and its filter at a model's parameters: the files to write and the lines to print. */
  simulate(request: {
    source: ModelSource;
    duration: number;
    dt: number;
    seed: number;
  }): Promise<{ files: Readonly<Record<string, string>>; lines: readonly string[] }>;
  /** The exact derivation of a model file's text, as text, JSON or LaTeX; a refused file is a UsageError naming file, line and column. */
  derive(text: string, file: string, format: 'text' | 'json' | 'latex'): string;
  /** The figures the audit page embeds (verify --html), each with its caption. */
  auditFigures(): ReadonlyArray<{ readonly id: string; readonly caption: string; readonly svg: string }>;
  /** The golden dataset: the files to write and the line to print. */
  reference(digits: number): Promise<{ files: Readonly<Record<string, string>>; line: string }>;
  /** Another implementation's results recomputed: the report (text or JSON) and how many quantities failed. */
  compare(
    text: string,
    options: {
      rtol: string;
      atol: string;
      ignoreColumns: readonly string[];
      explain: boolean;
      timeLimit: number;
      json: boolean;
      onProgress: (done: number, total: number) => void;
    },
  ): Promise<{ readonly output: string; readonly failed: number }>;
}

export type Application = Commands & Ledger;
