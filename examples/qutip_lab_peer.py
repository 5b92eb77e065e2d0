"""A peer check of the lab-frame model one in QuTiP, written from the README's statement of the
lab-frame model ("Beyond the rotating-wave approximation"), not from our code.

It integrates the master equation with the time-dependent lab Hamiltonian
    H(t) = ω_m (a†a + b†b) + 2χ cos(2ω_d t) (a + a†)(b + b†),  ω_d = ω_m − Δ,
and the baths 2γ(N+1)D[a_j] + 2γN D[a_j†] (γ = 1, nothing measured), by qutip.mesolve in a
truncated Fock space, from the thermal state until the start has decayed, and prints as JSON the
time t reached, ω_d t, and the covariance of the rotating-frame quadratures (X₁, Y₁, X₂, Y₂) there:
X_j = x_j cos ω_d t − p_j sin ω_d t, Y_j = x_j sin ω_d t + p_j cos ω_d t, with x_j = (a_j + a_j†)/√2.

    python3 examples/qutip_lab_peer.py Q DELTA CHI NBAR [CUTOFF]
"""
import json
import os
import sys

os.environ.setdefault("OMP_NUM_THREADS", "1")

import numpy as np  # noqa: E402
import qutip as qt  # noqa: E402

Q, DELTA, CHI, NBAR = (float(x) for x in sys.argv[1:5])
CUTOFF = int(sys.argv[5]) if len(sys.argv) > 5 else 10
OMEGA_M = Q  # γ = 1
OMEGA_D = OMEGA_M - DELTA

a = qt.tensor(qt.destroy(CUTOFF), qt.qeye(CUTOFF))
b = qt.tensor(qt.qeye(CUTOFF), qt.destroy(CUTOFF))
h0 = OMEGA_M * (a.dag() * a + b.dag() * b)
h1 = 2 * CHI * (a + a.dag()) * (b + b.dag())
H = [h0, [h1, lambda t, args: np.cos(2 * OMEGA_D * t)]]
c_ops = []
for m in (a, b):
    c_ops += [np.sqrt(2 * (NBAR + 1)) * m, np.sqrt(2 * NBAR) * m.dag()]

rho0 = qt.tensor(qt.thermal_dm(CUTOFF, NBAR), qt.thermal_dm(CUTOFF, NBAR))
# Ten damping times, ending on a whole number of steps of the drive's period.
period = np.pi / OMEGA_D
t_end = period * np.ceil(10.0 / period) + 0.3 * period
times = np.linspace(0.0, t_end, 2001)
options = qt.Options(atol=1e-11, rtol=1e-9, nsteps=10**7)
rho = qt.mesolve(H, rho0, times, c_ops, [], options=options).states[-1]

theta = OMEGA_D * t_end
x = [(m + m.dag()) / np.sqrt(2) for m in (a, b)]
p = [-1j * (m - m.dag()) / np.sqrt(2) for m in (a, b)]
quads = []
for xj, pj in zip(x, p):
    quads += [xj * np.cos(theta) - pj * np.sin(theta), xj * np.sin(theta) + pj * np.cos(theta)]
means = [qt.expect(r, rho) for r in quads]
cov = [[float(np.real(qt.expect((ri * rj + rj * ri) / 2, rho) - means[i] * means[j])) for j, rj in enumerate(quads)] for i, ri in enumerate(quads)]
print(json.dumps({"t": t_end, "theta": theta, "covariance": cov}))
