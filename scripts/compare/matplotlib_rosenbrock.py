# Equivalent NumPy + Matplotlib figure: GD on Rosenbrock from (-1.2, 1),
# lr 0.001, 2000 steps; heat map (log-like scale) + contour lines on a 200x200
# grid, the trajectory with start/end markers, and the loss curve; 800x600 PNG.
import sys
import numpy as np
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt

def f(x, y):
    return (1 - x) ** 2 + 100 * (y - x * x) ** 2

def grad(p):
    x, y = p
    return np.array([-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)])

p = np.array([-1.2, 1.0])
lr, steps = 0.001, 2000
path = [p.copy()]
for _ in range(steps):
    p = p - lr * grad(p)
    path.append(p.copy())
path = np.array(path)
loss = f(path[:, 0], path[:, 1])

xs = np.linspace(-2, 2, 200)
ys = np.linspace(-1, 3, 200)
X, Y = np.meshgrid(xs, ys)
Z = f(X, Y)
T = np.log1p((Z - Z.min()) / ((Z.max() - Z.min()) * 1e-3))

fig, (a1, a2) = plt.subplots(1, 2, figsize=(8, 6), dpi=100)
a1.imshow(T, extent=(-2, 2, -1, 3), origin="lower", cmap="viridis", aspect="auto")
a1.contour(X, Y, T, levels=14, colors="white", linewidths=0.6, alpha=0.5)
a1.plot(path[:, 0], path[:, 1], "-o", color="#E69F00", ms=2, lw=1.8, label="gd lr=0.001")
a1.plot(path[0, 0], path[0, 1], "o", mfc="white", mec="#E69F00", ms=8)
a1.plot(path[-1, 0], path[-1, 1], "x", color="#E69F00", ms=8)
a1.plot([1], [1], "D", color="white", ms=5)
a1.set_xlabel("x"); a1.set_ylabel("y"); a1.legend(loc="upper right")
a2.semilogy(np.arange(steps + 1), np.abs(loss), color="#E69F00")
a2.set_xlabel("step"); a2.set_ylabel("|f - f*|"); a2.grid(alpha=0.3)
fig.tight_layout()
fig.savefig(sys.argv[1] if len(sys.argv) > 1 else "/tmp/cmp/py.png")
