#!/usr/bin/env bash
# Times `gdlab plot --view surface` against the equivalent NumPy + Matplotlib
# plot_surface script (a 2,000-step gd run on Rosenbrock drawn on its
# surface, 120x120 mesh, default camera, 800×600 PNG), each as a whole
# process, five times. Needs python3-numpy and python3-matplotlib (Debian:
# apt-get install python3-numpy python3-matplotlib) and a built binary
# (make build). The issue's target: gdlab at least 5× faster.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=$(mktemp -d)
py=/usr/bin/python3
[ -x "$py" ] || py=python3
for i in 1 2 3 4 5; do
  /usr/bin/time -f "gdlab      %e s" build/gdlab plot --preset rosenbrock --lr 0.001 --steps 2000 \
    --view surface --width 800 --height 600 -o "$out/gdlab_surface.png" >/dev/null
done
for i in 1 2 3 4 5; do
  /usr/bin/time -f "matplotlib %e s" "$py" scripts/compare/surface_rosenbrock.py "$out/matplotlib_surface.png" >/dev/null
done
echo "figures in $out"
