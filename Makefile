# Builds and installs the vietref C library: shared (with a versioned SONAME) and static
# libraries, the headers and a pkg-config file.
#
#   make                                  # cargo build --release --lib
#   make install PREFIX=/usr/local        # also DESTDIR=, LIBDIR=, INCLUDEDIR=
#   make uninstall PREFIX=/usr/local
#   make header                           # regenerate include/vietref.h and vietref_flat.h
#   make test-c                           # C tests under valgrind and AddressSanitizer
#   make dist                             # release artifacts in dist/ (scripts/dist.sh)
#   make test-dist                        # installs each dist/ artifact as a user would
#   make bench                            # scripts/bench-peers.sh: vietref beside its peers
#   make bench-quick                      # the same, each part tiny (checks the script)
#
# PROFILE=debug installs the debug build (used by tests/c/run.sh).

CARGO      ?= cargo
PREFIX     ?= /usr/local
LIBDIR     ?= $(PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include
DESTDIR    ?=
PROFILE    ?= release
TARGET_DIR ?= $(or $(CARGO_TARGET_DIR),target)

# One source of truth for the version: Cargo.toml.
VERSION := $(shell sed -n 's/^version = "\([^"]*\)"/\1/p' Cargo.toml | head -n 1)
MAJOR   := $(word 1,$(subst ., ,$(VERSION)))

BUILD_DIR   := $(TARGET_DIR)/$(PROFILE)
CARGO_FLAGS := $(if $(filter release,$(PROFILE)),--release,)

UNAME_S := $(shell uname -s)
ifeq ($(UNAME_S),Darwin)
SHARED      := libvietref.dylib
SHARED_REAL := libvietref.$(VERSION).dylib
SHARED_SO   := libvietref.$(MAJOR).dylib
# What a Rust staticlib needs from the system (rustc --print native-static-libs).
LIBS_PRIVATE := -lSystem -lc -lm
else
SHARED      := libvietref.so
SHARED_REAL := libvietref.so.$(VERSION)
SHARED_SO   := libvietref.so.$(MAJOR)
LIBS_PRIVATE := -lgcc_s -lutil -lrt -lpthread -lm -ldl -lc
endif

all: build

build:
	$(CARGO) build --lib $(CARGO_FLAGS)

vietref.pc: vietref.pc.in Cargo.toml
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@LIBDIR@|$(LIBDIR)|' \
	    -e 's|@INCLUDEDIR@|$(INCLUDEDIR)|' -e 's|@VERSION@|$(VERSION)|' \
	    -e 's|@LIBS_PRIVATE@|$(LIBS_PRIVATE)|' vietref.pc.in > $@

install: build vietref.pc
	install -d $(DESTDIR)$(LIBDIR) $(DESTDIR)$(LIBDIR)/pkgconfig $(DESTDIR)$(INCLUDEDIR)
	install -m 755 $(BUILD_DIR)/$(SHARED) $(DESTDIR)$(LIBDIR)/$(SHARED_REAL)
	ln -sf $(SHARED_REAL) $(DESTDIR)$(LIBDIR)/$(SHARED_SO)
	ln -sf $(SHARED_SO) $(DESTDIR)$(LIBDIR)/$(SHARED)
	install -m 644 $(BUILD_DIR)/libvietref.a $(DESTDIR)$(LIBDIR)/libvietref.a
	install -m 644 include/vietref.h include/vietref_flat.h $(DESTDIR)$(INCLUDEDIR)/
	install -m 644 vietref.pc $(DESTDIR)$(LIBDIR)/pkgconfig/vietref.pc

uninstall:
	rm -f $(DESTDIR)$(LIBDIR)/$(SHARED_REAL) $(DESTDIR)$(LIBDIR)/$(SHARED_SO) \
	      $(DESTDIR)$(LIBDIR)/$(SHARED) $(DESTDIR)$(LIBDIR)/libvietref.a \
	      $(DESTDIR)$(INCLUDEDIR)/vietref.h $(DESTDIR)$(INCLUDEDIR)/vietref_flat.h \
	      $(DESTDIR)$(LIBDIR)/pkgconfig/vietref.pc

header:
	VIETREF_BLESS=1 $(CARGO) test --test capi_header

test-c:
	bash tests/c/run.sh

dist:
	bash scripts/dist.sh

test-dist:
	bash scripts/test-dist.sh

bench:
	bash scripts/bench-peers.sh

bench-quick:
	bash scripts/bench-peers.sh --quick

clean:
	rm -f vietref.pc

.PHONY: all build install uninstall header test-c dist test-dist bench bench-quick clean vietref.pc
