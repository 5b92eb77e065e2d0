/**
 * A real peer for the lab frame: QuTiP's mesolve with the time-dependent lab Hamiltonian of model
 * one (examples/qutip_lab_peer.py, written from the README's statement of the model), Fock-truncated,
 * against our periodic Lyapunov state by harmonic balance. Needs Debian's python3-qutip; it fails,
 * never skips, without it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { solveModel } from '../../src/app/solve.ts';
import { resolveParameters } from '../../src/models/parameters.ts';
import { decimalContext } from '../../src/numeric/context.ts';
import { periodicSteadyState, seriesAt } from '../../src/numeric/periodicRiccati.ts';
import { labSeries, labSystem, labValues } from '../../src/paper/beyondRwa.ts';

const PYTHON = process.env.PEER_PYTHON ?? (existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3');

describe('the lab frame against QuTiP', () => {
  it('mesolve with the lab Hamiltonian at Q = 20 (Δ = 2γ, χ = γ, N = 0.1, nothing measured) agrees with the periodic Lyapunov state to the truncation error; the RWA state does not', () => {
    const r = spawnSync(PYTHON, ['examples/qutip_lab_peer.py', '20', '2', '1', '0.1', '10'], { encoding: 'utf8' });
    expect(r.error, r.error?.message).toBeUndefined();
    expect(r.status, r.stderr).toBe(0);
    const peer = JSON.parse(r.stdout.trim().split('\n').pop()!) as { theta: number; covariance: number[][] };
    const raw = { delta: '2', chi: '1', nbar: '0.1', mu: '0', eta: '1' };
    const { values } = labValues('modulated', raw, '20');
    const s = labSeries(labSystem('modulated'), 25, values);
    const state = periodicSteadyState(25, s.drift, s.diffusion, s.measurement, s.fundamental, { driftStable: true });
    const D = decimalContext(25);
    // The series' phase is Ωt with Ω = 2ω_d; the peer reports ω_d t.
    const ours = seriesAt(D, state.covariance, new D(peer.theta).times(2));
    const gapTo = (m: ReadonlyArray<ReadonlyArray<{ toNumber(): number }>>) =>
      Math.max(...m.flatMap((row, i) => row.map((x, j) => Math.abs(x.toNumber() - peer.covariance[i]![j]!))));
    // Fock cutoff 10: the truncation error is about 10⁻⁵ (4·10⁻⁸ at cutoff 14, measured).
    expect(gapTo(ours)).toBeLessThan(3e-5);
    const rwa = solveModel(resolveParameters('modulated', raw), 20).unconditional!.covariance;
    expect(gapTo(rwa)).toBeGreaterThan(1e-3);
  }, 300_000);
});
