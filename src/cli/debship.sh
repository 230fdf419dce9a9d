#!/bin/sh
# The `debship` command as installed: starts Node on the bundled CLI beside this script (dist/bin/).
#
# `debship lint` opens no network connections, so its Node starts without NODE_EXTRA_CA_CERTS:
# with that variable set (common behind a company proxy), Node parses every root certificate
# before it runs any code, which costs about 50 ms on a small machine — most of what linting one
# small package takes. Every other command keeps the environment as it is.
case "$1" in
lint) unset NODE_EXTRA_CA_CERTS ;;
esac
# npm installs the command as a symbolic link to this file: find the real directory.
self=$(readlink -f -- "$0" 2>/dev/null) || self=$0
case $self in
*/*) dir=${self%/*} ;;
*) dir=. ;;
esac
exec node "$dir/debship.cjs" "$@"
