#!/bin/sh
# Builds the C extension and lays out the application in $DEBSHIP_STAGING, the directory debship
# packages at / (like DESTDIR). Run by `debship build` (see debship.yaml); by hand it builds into
# build/staging, which the Python tests use by default.
#
# Honours CC, CFLAGS, CPPFLAGS, LDFLAGS and STRIP. The defaults are Debian's hardening flags
# (dpkg-buildflags), without -g: lintian wants RELRO and no debug symbols in the package.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
staging=${DEBSHIP_STAGING:-$here/build/staging}
app=$staging/usr/lib/hello-service
# Debian's interpreter and headers (python3-dev), never a pyenv or virtualenv python3 on PATH:
# the extension must match the python3 package the .deb depends on.
python=${PYTHON:-/usr/bin/python3}

CC=${CC:-gcc}
STRIP=${STRIP:-strip}
CFLAGS=${CFLAGS:--O2 -fstack-protector-strong -fstack-clash-protection -Wformat -Werror=format-security -Wall -Wextra -Wno-unused-parameter}
CPPFLAGS=${CPPFLAGS:--D_FORTIFY_SOURCE=2}
LDFLAGS=${LDFLAGS:--Wl,-z,relro -Wl,-z,now}

include=$("$python" -c 'import sysconfig; print(sysconfig.get_paths()["include"])')
suffix=$("$python" -c 'import sysconfig; print(sysconfig.get_config_var("EXT_SUFFIX"))')
if [ ! -f "$include/Python.h" ]; then
	echo "build.sh: $include/Python.h not found: install python3-dev (apt-get install python3-dev)" >&2
	exit 1
fi
# The compiler and python3 here build for this machine: never label that as another architecture
# (debship builds other architectures by running the steps in a root of that architecture).
multiarch=$("$python" -c 'import sysconfig; print(sysconfig.get_config_var("MULTIARCH") or "")')
case "${DEBSHIP_ARCH:-}:$multiarch" in
:* | amd64:x86_64-linux-gnu | arm64:aarch64-linux-gnu | armhf:arm-linux-gnueabihf | i386:i386-linux-gnu | \
	ppc64el:powerpc64le-linux-gnu | s390x:s390x-linux-gnu | riscv64:riscv64-linux-gnu) ;;
*)
	echo "build.sh: DEBSHIP_ARCH is $DEBSHIP_ARCH but $python is built for $multiarch; build $DEBSHIP_ARCH in a $DEBSHIP_ARCH root" >&2
	exit 1
	;;
esac

install -d -m 0755 "$app/hello_service"
for f in "$here"/src/hello_service/*.py; do
	install -m 0644 "$f" "$app/hello_service/"
done
install -m 0644 "$here/src/main.py" "$app/main.py"
printf 'VERSION = "%s"\n' "${DEBSHIP_VERSION:-0+unknown}" >"$app/hello_service/_version.py"
chmod 0644 "$app/hello_service/_version.py"

so=$app/hello_service/_hello$suffix
# Not linked against libpython: Debian's python3 exports the C API from the executable, and
# extensions resolve it at import time. -ffile-prefix-map keeps build paths out of the binary.
# shellcheck disable=SC2086 # the flag variables are word lists
"$CC" $CPPFLAGS $CFLAGS -ffile-prefix-map="$here"=. -fPIC -I"$include" -shared $LDFLAGS \
	-o "$so" "$here/native/_hello.c"
# What dh_strip does for shared objects.
"$STRIP" --remove-section=.comment --remove-section=.note --strip-unneeded "$so"
chmod 0644 "$so"
echo "build.sh: built $so"
