#!/usr/bin/env bash
# Builds restore-drill/chat-standin:0.1, the stand-in for LibreChat + the LiteLLM gateway (README.md), from this
# Maven project and the local image restore-drill/jre:17 (compose/reference/build.sh). Nothing is pulled.
#
#   bash compose/reference/chat-standin/build-image.sh [--force]
#
# Idempotent like build.sh: the image carries dev.restoredrill.inputs = sha256 of the parent image's inputs and
# every file here (sources, pom.xml, Dockerfile, healthcheck; not target/); an image whose label matches is kept.
set -Eeuo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
NAME=restore-drill/chat-standin:0.1
PARENT=restore-drill/jre:17
INPUTS_LABEL=dev.restoredrill.inputs
ROLE_LABEL=dev.restoredrill.reference-image=true

FORCE=false
case "${1:-}" in
	'') ;;
	--force) FORCE=true ;;
	-h|--help) sed -n '2,8s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"; exit 0 ;;
	*) echo "build-image.sh: unknown option '$1'; expected nothing or --force." >&2; exit 2 ;;
esac

die() { echo "build-image.sh: $*" >&2; exit 1; }

command -v docker >/dev/null || die "docker is not installed; install Debian's docker.io and start dockerd."
docker info >/dev/null 2>&1 || die "the Docker engine does not answer ('docker info' failed); start dockerd."
parent_inputs=$(docker image inspect -f "{{index .Config.Labels \"$INPUTS_LABEL\"}}" "$PARENT" 2>/dev/null) \
	|| die "the local image $PARENT is missing; build it first: bash compose/reference/build.sh"

inputs_hash() {
	printf '%s\n' "$parent_inputs"
	(cd "$HERE" && find . -type f ! -path './target/*' -printf '%m %p\n' | LC_ALL=C sort)
	(cd "$HERE" && find . -type f ! -path './target/*' -print0 | LC_ALL=C sort -z | xargs -0 -r sha256sum)
}
hash=$(inputs_hash | sha256sum | cut -d' ' -f1)

started=$(date +%s)
if ! $FORCE && [ "$(docker image inspect -f "{{index .Config.Labels \"$INPUTS_LABEL\"}}" "$NAME" 2>/dev/null)" = "$hash" ]; then
	echo "$NAME up to date (inputs $hash)"
	exit 0
fi

command -v mvn >/dev/null || die "Maven (mvn) is not installed; apt-get install maven."
log="$HERE/target/build-image.log"
mkdir -p "$HERE/target"
: >"$log"
echo "$NAME: building the jars (log: $log)"
rm -rf "$HERE/target/dependency"
mvn -q -B -f "$HERE/pom.xml" package dependency:copy-dependencies -DincludeScope=runtime -DskipTests >>"$log" 2>&1 \
	|| { tail -n 25 "$log" >&2; die "the Maven build failed; the full log is $log."; }

context="$HERE/target/image-context"
rm -rf "$context" && mkdir -p "$context/lib"
cp "$HERE/Dockerfile" "$HERE/healthcheck" "$context/"
cp "$HERE/target/chat-standin.jar" "$HERE"/target/dependency/*.jar "$context/lib/"
old_id=$(docker image inspect -f '{{.Id}}' "$NAME" 2>/dev/null || true)
echo "$NAME: docker build"
# The classic builder never contacts a registry for a local FROM.
DOCKER_BUILDKIT=0 docker build --pull=false --label "$INPUTS_LABEL=$hash" --label "$ROLE_LABEL" \
	-t "$NAME" "$context" >>"$log" 2>&1 \
	|| { tail -n 25 "$log" >&2; die "docker build failed; the full log is $log."; }
# Drop the image this build replaced, if it is ours and nothing else names it.
if [ -n "$old_id" ] && [ "$old_id" != "$(docker image inspect -f '{{.Id}}' "$NAME")" ] \
	&& [ "$(docker image inspect -f '{{len .RepoTags}}' "$old_id" 2>/dev/null)" = 0 ] \
	&& [ -n "$(docker image inspect -f "{{index .Config.Labels \"$INPUTS_LABEL\"}}" "$old_id" 2>/dev/null)" ]; then
	docker image rm "$old_id" >/dev/null 2>&1 || true
fi
size=$(docker image inspect -f '{{.Size}}' "$NAME" | awk '{ printf "%.0f MB", $1 / 1000000 }')
echo "$NAME built in $(($(date +%s) - started)) s ($size, inputs $hash)"
