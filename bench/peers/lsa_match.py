"""The scipy peer of `npm run bench -- match`: the same panel allocation solved by
scipy.optimize.linear_sum_assignment (Debian python3-scipy, compiled C++).

Usage: /usr/bin/python3 bench/peers/lsa_match.py INSTANCE.json [--reps 3]
INSTANCE.json is a sparse `placewise match` input. Capacities are expanded to one column per bed, plus one
dummy column per child at cost U (the unplaced option); a forbidden pair costs more than U, so an optimal
assignment never uses it (some dummy column is always free). Only the solve is timed.
Prints one JSON line: the total, the solve times and the versions.
"""
import json
import statistics
import sys
import time

import numpy as np
import scipy
from scipy.optimize import linear_sum_assignment

path = sys.argv[1]
reps = int(sys.argv[sys.argv.index("--reps") + 1]) if "--reps" in sys.argv else 3
with open(path) as f:
    inst = json.load(f)
n = inst["children"]
caps = np.asarray(inst["capacities"], dtype=np.int64)
arcs = np.asarray(inst["arcs"], dtype=np.float64).reshape(-1, 3)
U = float(inst["unassignedCost"])

first_col = np.concatenate(([0], np.cumsum(caps)))
beds = int(first_col[-1])
child = arcs[:, 0].astype(np.int64)
home = arcs[:, 1].astype(np.int64)
cost = arcs[:, 2]
forbidden = 2.0 * (U + float(np.abs(cost).max(initial=0.0))) + 1.0
C = np.full((n, beds + n), forbidden, dtype=np.float64)
C[:, beds:] = U
# Every bed of a home costs the child the same.
rows = np.repeat(child, caps[home])
k = caps[home]
cols = np.repeat(first_col[home], k) + (np.arange(int(k.sum())) - np.repeat(np.cumsum(k) - k, k))
C[rows, cols] = np.repeat(cost, caps[home])

times = []
for _ in range(reps):
    t = time.perf_counter()
    r, c = linear_sum_assignment(C)
    times.append((time.perf_counter() - t) * 1000)
chosen = C[r, c]
assert len(r) == n and not (chosen >= forbidden).any(), "a forbidden pair was chosen"
placed = int((c < beds).sum())
print(json.dumps({
    "total": float(chosen.sum()),
    "placed": placed,
    "solveMs": times,
    "medianMs": statistics.median(times),
    "shape": [n, beds + n],
    "python": sys.version.split()[0],
    "numpy": np.__version__,
    "scipy": scipy.__version__,
}))
