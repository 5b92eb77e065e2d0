"""A peer implementation of the paper's models in QuTiP, written only from the conventions in
docs/peers.md ("Checking a QuTiP implementation"), for `detuned-paramp compare`.

It builds each model's rotating-frame Hamiltonian and collapse operators in a truncated Fock
space, takes the master-equation steady state (qutip.steadystate), and prints CSV on standard
output: the parameters, eta = 0 (a master-equation steady state is the unconditional state,
which is the conditional one with eta = 0), the covariance V11 ... V44 of (X1, Y1, X2, Y2), S of
Eq. (15), model two's S_UV, and the log-negativity.

    python3 examples/qutip_peer.py peer.csv [CUTOFF]

CUTOFF (default 16) is the Fock cutoff of each oscillator. The CSV goes to a file, not standard
output, because QuTiP prints a calibration line on its first import.
"""
import os
import sys

os.environ.setdefault("OMP_NUM_THREADS", "1")  # QuTiP's OpenMP threads only contend on two cores

import numpy as np  # noqa: E402
import qutip as qt  # noqa: E402

OUT = sys.argv[1] if len(sys.argv) > 1 else "peer.csv"
CUTOFF = int(sys.argv[2]) if len(sys.argv) > 2 else 16

# Parameter sets within a Fock cutoff's reach: weak squeezing and mean occupations well below one
# phonon, so that the truncation error at CUTOFF stays below the tolerance of the recipe in docs/peers.md.
CASES = [
    ("modulated", dict(gamma=1, delta=2, chi=0.5, nbar=0.1, mu=0.2)),
    ("modulated", dict(gamma=1, delta=-1.5, chi=0.5, nbar=0, mu=0.5)),
    ("modulated", dict(gamma1=1.5, gamma2=0.5, delta=2, chi=0.5, nbar=0.05, mu=0.1)),
    ("constant", dict(gamma=1, coupling=2, chi=0.5, nbar=0.1, mu=0.2)),
    ("constant", dict(gamma1=1.25, gamma2=0.75, coupling=1.5, chi=0.5, nbar=0, mu=0.3)),
    ("single", dict(gamma=1, delta=2, chi=0.5, nbar=0.1, mu=0.2)),
    ("bae", dict(gamma=1, nbar=0.1, mu=0.5)),
]


def modes(n):
    """Annihilation operators a (oscillator 1) and b (oscillator 2), or the single mode's a."""
    if n == 1:
        return [qt.destroy(CUTOFF)]
    return [qt.tensor(qt.destroy(CUTOFF), qt.qeye(CUTOFF)), qt.tensor(qt.qeye(CUTOFF), qt.destroy(CUTOFF))]


def quadratures(a):
    """X = (a + a†)/√2, Y = −i(a − a†)/√2."""
    return (a + a.dag()) / np.sqrt(2), -1j * (a - a.dag()) / np.sqrt(2)


def model(name, p):
    """Hamiltonian (ħ = 1, rotating frame) and collapse operators of one model."""
    g1 = p.get("gamma1", p.get("gamma"))
    g2 = p.get("gamma2", p.get("gamma"))
    n, mu = p["nbar"], p["mu"]
    if name == "single":
        (a,) = modes(1)
        h = p["delta"] * a.dag() * a + p["chi"] / 2 * (a * a + a.dag() * a.dag())
        x, y = quadratures(a)
        damping = [np.sqrt(2 * g1 * (n + 1)) * a, np.sqrt(2 * g1 * n) * a.dag()]
        return h, damping + [np.sqrt(mu) * x, np.sqrt(mu) * y], [x, y]
    a, b = modes(2)
    if name == "modulated":
        h = p["delta"] * (a.dag() * a + b.dag() * b) + p["chi"] * (a * b + a.dag() * b.dag())
    elif name == "constant":
        h = p["coupling"] * (a.dag() * b + a * b.dag()) - 0.5j * p["chi"] * (a * a - a.dag() * a.dag() + b * b - b.dag() * b.dag())
    else:  # bae: no drive, no coupling
        h = 0 * a.dag() * a
    x1, y1 = quadratures(a)
    x2, y2 = quadratures(b)
    damping = [np.sqrt(2 * g1 * (n + 1)) * a, np.sqrt(2 * g1 * n) * a.dag(), np.sqrt(2 * g2 * (n + 1)) * b, np.sqrt(2 * g2 * n) * b.dag()]
    if name == "bae":
        # X₊ and Y₋ measured directly: back-action μD[X₊] + μD[Y₋].
        measured = [(x1 + x2) / np.sqrt(2), (y1 - y2) / np.sqrt(2)]
    else:
        # Each position measured: in the rotating frame μD[X_j] + μD[Y_j].
        measured = [x1, y1, x2, y2]
    return h, damping + [np.sqrt(mu) * c for c in measured], [x1, y1, x2, y2]


def covariance(rho, r):
    """V_jk = ½⟨{δr_j, δr_k}⟩."""
    means = [qt.expect(q, rho).real for q in r]
    return np.array([[0.5 * qt.expect(r[j] * r[k] + r[k] * r[j], rho).real - means[j] * means[k] for k in range(len(r))] for j in range(len(r))])


def least(block):
    """The least variance of X cos θ + Y sin θ, and cos 2θ, sin 2θ there."""
    half, off = (block[0, 0] - block[1, 1]) / 2, block[0, 1]
    radius = np.hypot(half, off)
    c2, s2 = (1.0, 0.0) if radius == 0 else (-half / radius, -off / radius)
    return (block[0, 0] + block[1, 1]) / 2 - radius, c2, s2


def separability(v):
    """Eq. (15): α minimises V_α₊ in the (X₊, Y₊) plane; V_α₋ is the (X₋, Y₋) variance at α + 90°."""
    plus_rows = np.array([[1, 0, 1, 0], [0, 1, 0, 1]]) / np.sqrt(2)
    minus_rows = np.array([[1, 0, -1, 0], [0, 1, 0, -1]]) / np.sqrt(2)
    vp, c2, s2 = least(plus_rows @ v @ plus_rows.T)
    m = minus_rows @ v @ minus_rows.T
    vm = (m[0, 0] + m[1, 1]) / 2 - (m[0, 0] - m[1, 1]) / 2 * c2 - m[0, 1] * s2
    return 2 * np.sqrt(vp * vm)


def separability_uv(v):
    """S_UV: the least variances of the planes (U₁, U₂) and (V₁, V₂) of Eq. (22), each at its own angle."""
    u_rows = np.array([[1, 0, 0, 1], [1, 0, 0, -1]]) / np.sqrt(2)
    v_rows = np.array([[0, 1, -1, 0], [0, 1, 1, 0]]) / np.sqrt(2)
    return 2 * np.sqrt(least(u_rows @ v @ u_rows.T)[0] * least(v_rows @ v @ v_rows.T)[0])


def log_negativity(v):
    """E_N = max(0, −ln 2ν̃₋), natural logarithm, ν̃₋ the least symplectic eigenvalue of the partial transpose."""
    p = np.diag([1, 1, 1, -1])
    omega = np.kron(np.eye(2), np.array([[0, 1], [-1, 0]]))
    nu = np.min(np.abs(np.linalg.eigvals(1j * omega @ p @ v @ p)))
    return max(0.0, -np.log(2 * nu))


def main():
    quantities = ["V11", "V12", "V13", "V14", "V22", "V23", "V24", "V33", "V34", "V44", "S", "S_UV", "logNegativity"]
    params = ["gamma", "gamma1", "gamma2", "delta", "coupling", "chi", "nbar", "mu"]
    lines = [",".join(["model", *params, "eta", *quantities, "x-cutoff"])]
    for name, p in CASES:
        h, c_ops, r = model(name, p)
        # GMRES: the direct sparse LU of model two's Liouvillian fills in badly (40 s against 1.5 s at cutoff 12).
        v = covariance(qt.steadystate(h, c_ops, method="iterative-gmres", tol=1e-14, maxiter=5000), r)
        row = {f"V{j + 1}{k + 1}": v[j, k] for j in range(len(r)) for k in range(j, len(r))}
        if len(r) == 4:
            row["S"] = separability(v)
            row["logNegativity"] = log_negativity(v)
        if name == "constant":
            row["S_UV"] = separability_uv(v)
        cells = [name, *(repr(p[k]) if k in p else "" for k in params), "0", *(repr(float(row[q])) if q in row else "" for q in quantities), str(CUTOFF)]
        lines.append(",".join(cells))
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
