# Release bundles, included by the Makefile (include package.mk).
#   make package         build/dist/gdlab-VERSION-linux-amd64.tar.xz,
#                        build/dist/gdlab_VERSION_amd64.deb (from the tarball, scripts/deb.sh) and
#                        build/dist/gdlab-VERSION-windows-amd64.exe (fyne.io/tools, pinned
#                        in scripts/package.sh; mingw-w64 is installed when missing)
#   make package-linux   only the Linux bundle
#   make package-windows only the Windows .exe
#   make package-deb     only the Debian package
#   make package-check   builds the bundles when stale, then checks them (the .deb with
#                        lintian and an installation into a throw-away root)
#   make release-check   the same: the bundle builds and checks that make test leaves out
#                        (cross-compiling Windows is most of its time; .ci/run runs it)
# The bundles are rebuilt only when a source file, FyneApp.toml or the icon changed.

# Keep the including Makefile's default goal.
PKG_DEFAULT_GOAL := $(.DEFAULT_GOAL)

PKG_VERSION := $(shell sed -n 's/^ *Version *= *"\(.*\)"/\1/p' FyneApp.toml)
PKG_DIST := build/dist
PKG_LINUX := $(PKG_DIST)/gdlab-$(PKG_VERSION)-linux-amd64.tar.xz
PKG_WINDOWS := $(PKG_DIST)/gdlab-$(PKG_VERSION)-windows-amd64.exe
PKG_DEB := $(PKG_DIST)/gdlab_$(PKG_VERSION)_amd64.deb
PKG_INPUTS := $(shell find . \( -path ./build -o -path ./.git -o -name testdata \) -prune -o -type f \
	\( -name '*.go' ! -name '*_test.go' -o -name go.mod -o -name go.sum -o -name '*.png' -o -name '*.json' \) -print) \
	FyneApp.toml scripts/package.sh

.PHONY: package package-linux package-windows package-deb package-check release-check

package: $(PKG_LINUX) $(PKG_DEB) $(PKG_WINDOWS)

package-linux: $(PKG_LINUX)

package-windows: $(PKG_WINDOWS)

package-deb: $(PKG_DEB)

$(PKG_LINUX): $(PKG_INPUTS)
	scripts/package.sh linux

$(PKG_WINDOWS): $(PKG_INPUTS)
	scripts/package.sh windows

$(PKG_DEB): $(PKG_LINUX) scripts/deb.sh LICENSE
	scripts/deb.sh

package-check: $(PKG_LINUX) $(PKG_DEB) $(PKG_WINDOWS)
	scripts/check-bundles.sh $(PKG_LINUX) $(PKG_WINDOWS)
	scripts/check-deb.sh $(PKG_DEB)

release-check: package-check

.DEFAULT_GOAL := $(PKG_DEFAULT_GOAL)
