# Equivalent NumPy + Matplotlib figure of `gdlab plot --view surface`: GD on
# Rosenbrock from (-1.2, 1), lr 0.001, 2000 steps; plot_surface of f on a
# 120x120 mesh over x in [-2, 2], y in [-1, 3] (viridis, shaded, default
# camera azim -60, elev 30), the path drawn on the surface at its f with
# start and end markers, the minimum marked; 800x600 PNG.
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
fz = f(path[:, 0], path[:, 1])

xs = np.linspace(-2, 2, 120)
ys = np.linspace(-1, 3, 120)
X, Y = np.meshgrid(xs, ys)
Z = f(X, Y)

fig = plt.figure(figsize=(8, 6), dpi=100)
ax = fig.add_subplot(projection="3d")
ax.plot_surface(X, Y, Z, cmap="viridis", rstride=1, cstride=1, linewidth=0,
                antialiased=False, shade=True)
ax.plot(path[:, 0], path[:, 1], fz, "-", color="#E69F00", lw=1.8, label="gd lr=0.001", zorder=5)
ax.plot([path[0, 0]], [path[0, 1]], [fz[0]], "o", mfc="white", mec="#E69F00", ms=8, zorder=6)
ax.plot([path[-1, 0]], [path[-1, 1]], [fz[-1]], "o", color="#E69F00", ms=9, zorder=6)
ax.plot([1], [1], [0], "D", color="white", mec="#333333", ms=5, zorder=6)
ax.set_xlabel("x"); ax.set_ylabel("y"); ax.set_zlabel("f")
ax.view_init(elev=30, azim=-60)
ax.legend(loc="upper right")
fig.tight_layout()
fig.savefig(sys.argv[1] if len(sys.argv) > 1 else "/tmp/cmp/py_surface.png")
