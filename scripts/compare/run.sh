#!/usr/bin/env bash
# Times `gdlab plot` against the equivalent NumPy + Matplotlib script (a
# 2,000-step gd run on Rosenbrock, heat map + contours + path + loss, 800×600
# PNG), each as a whole process, five times. Needs python3-numpy and
# python3-matplotlib (Debian: apt-get install python3-numpy python3-matplotlib)
# and a built binary (make build).
set -euo pipefail
cd "$(dirname "$0")/../.."
out=$(mktemp -d)
py=/usr/bin/python3
[ -x "$py" ] || py=python3
for i in 1 2 3 4 5; do
  /usr/bin/time -f "gdlab      %e s" build/gdlab plot --preset rosenbrock --lr 0.001 --steps 2000 \
    --width 800 --height 600 -o "$out/gdlab.png" >/dev/null
done
for i in 1 2 3 4 5; do
  /usr/bin/time -f "matplotlib %e s" "$py" scripts/compare/matplotlib_rosenbrock.py "$out/matplotlib.png" >/dev/null
done
echo "figures in $out"
