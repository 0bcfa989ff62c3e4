# Continuity — the two commands of the README, and a few more.
#   make run    install what is missing, build, open the app on a fresh sample wiki
#   make test   install what is missing, build, run every test
BUILDDIR ?= build
MESON_OPTS ?=

.PHONY: all deps build run test asan valgrind bench clean

all: build

deps:
	@./build-aux/install-deps

$(BUILDDIR)/build.ninja: | deps
	meson setup $(BUILDDIR) $(MESON_OPTS)

build: deps $(BUILDDIR)/build.ninja
	meson compile -C $(BUILDDIR)

run: build
	@./build-aux/run-sample $(BUILDDIR)

test: build
	@./build-aux/run-tests $(BUILDDIR)

# AddressSanitizer + UndefinedBehaviorSanitizer build, as CI runs it.
asan:
	$(MAKE) --no-print-directory test BUILDDIR=build-asan \
	  MESON_OPTS="-Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debug $(MESON_OPTS)"

# Core and CLI tests under Valgrind's memcheck, a second opinion beside ASan
# on uninitialised reads. Not the UI tests: WebKit and GTK under memcheck
# take hours, and ASan covers them.
valgrind: build
	@./build-aux/install-deps --valgrind
	meson test -C $(BUILDDIR) --suite core --suite cli --print-errorlogs \
	  --timeout-multiplier 10 \
	  --wrapper 'valgrind --quiet --error-exitcode=1 --leak-check=no --track-origins=yes'

bench: build
	@./bench/run $(BUILDDIR)

clean:
	rm -rf build build-asan build-fuzz
