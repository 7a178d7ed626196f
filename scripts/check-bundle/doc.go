// Command check-bundle checks the release bundles that scripts/package.sh
// builds: the Windows .exe (a PE file with icon and version resources), the
// Linux binary (stripped, built with the release tags) and desktop entry, and
// the icon. scripts/check-bundles.sh runs it; it prints what is wrong and
// exits 1, or exits 0 when everything checked is right.
//
// Usage:
//
//	check-bundle pe -version 0.1.0 -name "Gradient Descent Lab" FILE.exe
//	check-bundle elf FILE
//	check-bundle desktop -name NAME -categories Education,Science -exec-arg %f [-mime TYPE] FILE.desktop
//	check-bundle png -size 512 FILE.png
package main
