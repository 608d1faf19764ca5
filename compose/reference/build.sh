#!/usr/bin/env bash
# Builds the reference image set (compose/reference/README.md) from Debian packages and Maven Central
# only: no container registry is needed, nothing is pulled.
#
#   bash compose/reference/build.sh [--force]
#
# Idempotent: every image carries the label dev.restoredrill.inputs = sha256 of its Dockerfile, its
# other input files, the versions it downloads and its parent's inputs; an image whose label matches is
# left alone. --force rebuilds every image (the debootstrap cache in .build/rootfs is kept).
set -Eeuo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BUILD_DIR="$HERE/.build"
LOG_DIR="$BUILD_DIR/logs"

DEBIAN_SUITE=bookworm
DEBIAN_MIRROR=http://deb.debian.org/debian
# S3Proxy on Maven Central (built for Java 17), the MinIO stand-in's server (minio-s3proxy/pom.xml).
S3PROXY_VERSION="$(sed -n 's:.*<s3proxy.version>\(.*\)</s3proxy.version>.*:\1:p' "$HERE/minio-s3proxy/pom.xml")"
S3PROXY_TAG="restore-drill/minio-s3proxy:$S3PROXY_VERSION"
MONGO_JAVA_SERVER_VERSION="$(sed -n 's:.*<mongo-java-server.version>\(.*\)</mongo-java-server.version>.*:\1:p' \
	"$HERE/services/pom.xml")"
MONGO_TAG="restore-drill/mongodb-standin:$MONGO_JAVA_SERVER_VERSION"

CHAT_TAG=restore-drill/chat-standin:0.2   # stand-in for LibreChat + the LiteLLM gateway (chat-standin/README.md)
MODEL_TAG=restore-drill/model-standin:0.1   # the drill's own model service, OpenAI API (model-standin/README.md)
# Stand-in for Langfuse web + worker, one image per release with a pinned migration list (langfuse-standin/README.md).
LANGFUSE_REPO=restore-drill/langfuse-standin
# Stand-in for the LiteLLM proxy's start (its Prisma migrations), one image per release (litellm-standin/README.md).
LITELLM_REPO=restore-drill/litellm-standin
REDIS_TAG=restore-drill/redis:7   # the real Redis server from Debian bookworm (7.0)

INPUTS_LABEL=dev.restoredrill.inputs
ROLE_LABEL=dev.restoredrill.reference-image=true

FORCE=false
case "${1:-}" in
	'') ;;
	--force) FORCE=true ;;
	-h|--help) sed -n '2,10s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"; exit 0 ;;
	*) echo "build.sh: unknown option '$1'; expected nothing or --force." >&2; exit 2 ;;
esac

# ---------------------------------------------------------------------------------------------------
# Reporting

CURRENT_STEP=""
CURRENT_LOG=""
SUMMARY=()
START_ALL=$(date +%s)

die() {
	echo >&2
	echo "build.sh: $*" >&2
	exit 1
}

on_error() {
	local status=$?
	[ -n "$CURRENT_STEP" ] || exit "$status"
	echo " FAILED" >&2
	if [ -n "$CURRENT_LOG" ] && [ -s "$CURRENT_LOG" ]; then
		echo "---- last lines of $CURRENT_LOG ----" >&2
		tail -n 25 "$CURRENT_LOG" >&2
		echo "----" >&2
	fi
	echo "build.sh: building $CURRENT_STEP failed (exit $status); the full log is $CURRENT_LOG." \
		"Fix the cause and run build.sh again: images already built are kept." >&2
	exit 1
}
trap on_error ERR

# ---------------------------------------------------------------------------------------------------
# Preconditions

preflight() {
	command -v docker >/dev/null || die "docker is not installed; install Debian's docker.io and start dockerd."
	docker info >/dev/null 2>&1 || die "the Docker engine does not answer ('docker info' failed); start dockerd."
	command -v curl >/dev/null || die "curl is not installed; apt-get install curl."
	command -v mvn >/dev/null || die "Maven (mvn) is not installed; apt-get install maven."
	[ -n "$MONGO_JAVA_SERVER_VERSION" ] || die "no <mongo-java-server.version> in $HERE/services/pom.xml."
	mkdir -p "$LOG_DIR"
}

ensure_debootstrap() {
	command -v debootstrap >/dev/null && return 0
	[ "$(id -u)" = 0 ] || die "debootstrap is missing and this is not root; run: sudo apt-get install debootstrap"
	apt-get install -y -q debootstrap >>"$CURRENT_LOG" 2>&1 \
		|| { apt-get update -q >>"$CURRENT_LOG" 2>&1 && apt-get install -y -q debootstrap >>"$CURRENT_LOG" 2>&1; }
}

# ---------------------------------------------------------------------------------------------------
# Input hashes

# inputs_hash ITEM...: ITEM is "path:RELATIVE/PATH" (every file below it: mode, path, content) or a literal.
inputs_hash() {
	local item
	for item in "$@"; do
		case "$item" in
			path:*)
				(cd "$HERE" && find "${item#path:}" -type f ! -path '*/target/*' -printf '%m %p\n' | LC_ALL=C sort)
				(cd "$HERE" && find "${item#path:}" -type f ! -path '*/target/*' -print0 | LC_ALL=C sort -z \
					| xargs -0 -r sha256sum)
				;;
			*) printf '%s\n' "$item" ;;
		esac
	done | sha256sum | cut -d' ' -f1
}

image_label() {
	docker image inspect -f "{{index .Config.Labels \"$INPUTS_LABEL\"}}" "$1" 2>/dev/null || true
}

image_id() {
	docker image inspect -f '{{.Id}}' "$1" 2>/dev/null || true
}

# Drops the image a rebuild replaced, when it is one of ours and nothing else names it.
drop_replaced() {
	local old_id="$1" name="$2"
	[ -n "$old_id" ] && [ "$old_id" != "$(image_id "$name")" ] || return 0
	[ -n "$(docker image inspect -f "{{index .Config.Labels \"$INPUTS_LABEL\"}}" "$old_id" 2>/dev/null)" ] || return 0
	[ "$(docker image inspect -f '{{len .RepoTags}}' "$old_id" 2>/dev/null)" = 0 ] || return 0
	docker image rm "$old_id" >/dev/null 2>&1 || true
}

# ensure NAME HASH BUILD_FUNCTION [ARGS...]: builds NAME unless its label already says HASH.
ensure() {
	local name="$1" hash="$2"
	shift 2
	local started
	started=$(date +%s)
	printf '%-45s' "$name"
	if ! $FORCE && [ "$(image_label "$name")" = "$hash" ]; then
		printf ' up to date (%d s)\n' "$(($(date +%s) - started))"
		SUMMARY+=("$name|cached|$(($(date +%s) - started))")
		return 0
	fi
	CURRENT_STEP="$name"
	CURRENT_LOG="$LOG_DIR/$(echo "$name" | tr '/:' '__').log"
	: >"$CURRENT_LOG"
	local old_id
	old_id=$(image_id "$name")
	"$@" "$name" "$hash"
	drop_replaced "$old_id" "$name"
	CURRENT_STEP=""
	printf ' built in %d s\n' "$(($(date +%s) - started))"
	SUMMARY+=("$name|built|$(($(date +%s) - started))")
}

# docker_build CONTEXT NAME HASH: the classic builder, which never contacts a registry for a local FROM.
docker_build() {
	local context="$1" name="$2" hash="$3"
	DOCKER_BUILDKIT=0 docker build --pull=false --force-rm --label "$INPUTS_LABEL=$hash" --label "$ROLE_LABEL" \
		-t "$name" "$context" >>"$CURRENT_LOG" 2>&1
}

# ---------------------------------------------------------------------------------------------------
# The images, in dependency order

BASE_RECIPE="debootstrap --variant=minbase $DEBIAN_SUITE $DEBIAN_MIRROR; overlay base/rootfs; slimmed"

build_base() {
	local name="$1" hash="$2" rootfs="$BUILD_DIR/rootfs"
	if [ ! -f "$rootfs/.debootstrap-complete" ]; then
		ensure_debootstrap
		rm -rf "$rootfs"
		debootstrap --variant=minbase "$DEBIAN_SUITE" "$rootfs" "$DEBIAN_MIRROR" >>"$CURRENT_LOG" 2>&1
		touch "$rootfs/.debootstrap-complete"
	fi
	cp -a "$HERE/base/rootfs/." "$rootfs/"
	rm -f "$rootfs/etc/apt/sources.list"   # replaced by sources.list.d/debian.sources (with security updates)
	# What the dpkg excludes of base/rootfs keep out of later installs, taken out of the bootstrap too.
	rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/* \
		"$rootfs"/usr/share/man/* "$rootfs"/usr/share/info/* "$rootfs"/usr/share/lintian/*
	find "$rootfs/usr/share/doc" -mindepth 1 ! -type d ! -name copyright -delete
	find "$rootfs/usr/share/locale" -mindepth 1 -maxdepth 1 ! -name locale.alias -exec rm -rf '{}' +
	tar -C "$rootfs" --exclude=./.debootstrap-complete -c . \
		| docker import -c "LABEL $INPUTS_LABEL=$hash" -c "LABEL $ROLE_LABEL" \
			-c 'ENV LANG=C.UTF-8' -c 'CMD ["/bin/bash"]' - "$name" >>"$CURRENT_LOG" 2>&1
}

build_from_dir() {
	local dir="$1" name="$2" hash="$3"
	docker_build "$HERE/$dir" "$name" "$hash"
}

build_mongo() {
	local name="$1" hash="$2" services="$HERE/services" context="$BUILD_DIR/context/mongodb-standin"
	rm -rf "$services/target/dependency"
	mvn -q -B -f "$services/pom.xml" package dependency:copy-dependencies >>"$CURRENT_LOG" 2>&1
	rm -rf "$context" && mkdir -p "$context/lib"
	cp -a "$HERE/mongodb-standin/." "$context/"
	cp "$services/target/reference-services.jar" "$services"/target/dependency/*.jar "$context/lib/"
	docker_build "$context" "$name" "$hash"
}

# A stand-in that is one Maven project of its own (chat-standin, model-standin, minio-s3proxy): its tests run
# here (nothing else runs them), Maven refuses a download whose checksum does not match Maven Central's (-C), and
# the project's top-level files (Dockerfile, health check, scripts) go into the image's context with its jars.
build_java_project() {
	local project_dir="$1" name="$2" hash="$3" project="$HERE/$1" context="$BUILD_DIR/context/$1"
	rm -rf "$project/target/dependency"
	mvn -q -B -C -f "$project/pom.xml" package dependency:copy-dependencies -DincludeScope=runtime \
		>>"$CURRENT_LOG" 2>&1
	rm -rf "$context" && mkdir -p "$context/lib"
	find "$project" -maxdepth 1 -type f ! -name pom.xml ! -name README.md -exec cp -p '{}' "$context/" ';'
	cp "$project/target/$project_dir.jar" "$project"/target/dependency/*.jar "$context/lib/"
	docker_build "$context" "$name" "$hash"
}

# The Langfuse stand-in's jars (also the LiteLLM stand-in's), built once per run.
langfuse_jars() {
	local project="$HERE/langfuse-standin"
	if [ ! -f "$project/target/langfuse-standin.jar" ] || [ "${LANGFUSE_JAR_BUILT:-}" != true ]; then
		rm -rf "$project/target/dependency"
		mvn -q -B -f "$project/pom.xml" package dependency:copy-dependencies -DincludeScope=runtime -DskipTests \
			>>"$CURRENT_LOG" 2>&1
		LANGFUSE_JAR_BUILT=true
	fi
}

build_litellm() {
	local release="$1" name="$2" hash="$3" project="$HERE/langfuse-standin"
	local context="$BUILD_DIR/context/litellm-standin-$release"
	langfuse_jars
	rm -rf "$context" && mkdir -p "$context/lib"
	cp -a "$HERE/litellm-standin/Dockerfile" "$HERE/litellm-standin/healthcheck" "$HERE/litellm-standin/migrations" \
		"$HERE/litellm-standin/equivalents" "$context/"
	cp "$project"/target/langfuse-standin.jar "$project"/target/dependency/*.jar "$context/lib/"
	DOCKER_BUILDKIT=0 docker build --pull=false --force-rm --build-arg "RELEASE=$release" \
		--label "$INPUTS_LABEL=$hash" --label "$ROLE_LABEL" -t "$name" "$context" >>"$CURRENT_LOG" 2>&1
}

build_langfuse() {
	local release="$1" name="$2" hash="$3" project="$HERE/langfuse-standin"
	local context="$BUILD_DIR/context/langfuse-standin-$release"
	langfuse_jars
	rm -rf "$context" && mkdir -p "$context/lib"
	cp -a "$project/Dockerfile" "$project/healthcheck" "$project/migrations" "$project/equivalents" "$context/"
	cp "$project"/target/langfuse-standin.jar "$project"/target/dependency/*.jar "$context/lib/"
	DOCKER_BUILDKIT=0 docker build --pull=false --force-rm --build-arg "RELEASE=$release" \
		--label "$INPUTS_LABEL=$hash" --label "$ROLE_LABEL" -t "$name" "$context" >>"$CURRENT_LOG" 2>&1
}

main() {
	preflight
	local base jre
	base=$(inputs_hash "$BASE_RECIPE" path:base)
	ensure restore-drill/base:bookworm "$base" build_base
	ensure restore-drill/tiny:bookworm "$(inputs_hash "$base" path:tiny)" build_from_dir tiny
	ensure restore-drill/socat:bookworm "$(inputs_hash "$base" path:socat)" build_from_dir socat
	ensure restore-drill/postgres:15 "$(inputs_hash "$base" path:postgres)" build_from_dir postgres
	ensure restore-drill/clickhouse:18.16 "$(inputs_hash "$base" path:clickhouse)" build_from_dir clickhouse
	jre=$(inputs_hash "$base" path:jre)
	ensure restore-drill/jre:17 "$jre" build_from_dir jre
	ensure "$S3PROXY_TAG" "$(inputs_hash "$jre" path:minio-s3proxy)" build_java_project minio-s3proxy
	ensure "$MONGO_TAG" "$(inputs_hash "$jre" path:services path:mongodb-standin)" build_mongo
	ensure "$CHAT_TAG" "$(inputs_hash "$jre" path:chat-standin)" build_java_project chat-standin
	ensure "$MODEL_TAG" "$(inputs_hash "$jre" path:model-standin)" build_java_project model-standin
	ensure "$REDIS_TAG" "$(inputs_hash "$base" path:redis)" build_from_dir redis
	local release
	for release in $(cd "$HERE/langfuse-standin/migrations" && ls -d */ | tr -d /); do
		ensure "$LANGFUSE_REPO:$release" "$(inputs_hash "$jre" "release $release" path:langfuse-standin)" \
			build_langfuse "$release"
	done
	for release in $(cd "$HERE/litellm-standin/migrations" && ls -d */ | tr -d /); do
		ensure "$LITELLM_REPO:$release" \
			"$(inputs_hash "$jre" "release $release" path:langfuse-standin path:litellm-standin)" \
			build_litellm "$release"
	done

	echo
	printf '%-45s %10s  %-6s %6s\n' IMAGE SIZE STATUS SECONDS
	local row name status seconds size
	for row in "${SUMMARY[@]}"; do
		IFS='|' read -r name status seconds <<<"$row"
		size=$(docker image inspect -f '{{.Size}}' "$name" | awk '{ printf "%.0f MB", $1 / 1000000 }')
		printf '%-45s %10s  %-6s %6s\n' "$name" "$size" "$status" "$seconds"
	done
	echo "total $(($(date +%s) - START_ALL)) s (sizes include the shared base and JRE layers)"
}

main
