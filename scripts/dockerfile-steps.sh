#!/usr/bin/env bash
# Performs the Dockerfile's steps without Docker, to prove they work on this machine: each build
# stage gets a clean folder standing for its WORKDIR; COPY copies from the build context (honouring
# .dockerignore's top-level entries) or, with --from, from an earlier stage's folder; ENV is
# exported; RUN runs there with sh. Reads the Dockerfile itself, so the two cannot drift apart.
#   scripts/dockerfile-steps.sh [output-dir]   (default: a new temporary folder; printed at the end)
set -euo pipefail

context="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-$(mktemp -d -t nivel-dockerfile-XXXXXX)}"
mkdir -p "$out"
# npm's cache inside the output, as it is inside the image layer: `npm cache clean` must not
# empty the machine's own cache.
export npm_config_cache="$out/.npm-cache"

ignored() {
  local path="${1%/}"
  [ -f "$context/.dockerignore" ] || return 1
  grep -v '^\s*\(#\|$\)' "$context/.dockerignore" | grep -qxF -- "$path"
}

# Join continuation lines, drop comments and the parser directive.
instructions="$(sed -e 's/\r$//' "$context/Dockerfile" | grep -v '^\s*#' | sed -e ':a' -e '/\\$/N; s/\\\n//; ta')"

stage=""
while IFS= read -r line; do
  [ -z "${line// /}" ] && continue
  keyword="${line%% *}"
  rest="${line#* }"
  case "${keyword^^}" in
    FROM)
      stage="${rest##* AS }"; stage="${stage##* as }"
      [ "$stage" = "$rest" ] && stage="stage$RANDOM"
      mkdir -p "$out/$stage"
      echo "== stage $stage (from ${rest%% *})"
      ;;
    WORKDIR)
      [ "$rest" = "/app" ] || { echo "unsupported WORKDIR $rest (the script maps /app to the stage folder)" >&2; exit 2; }
      ;;
    ENV)
      # KEY=value pairs; values in this Dockerfile contain no spaces
      for pair in $rest; do export "${pair?}"; done
      ;;
    COPY)
      read -r -a words <<<"$rest"
      from=""
      args=()
      for word in "${words[@]}"; do
        case "$word" in
          --from=*) from="${word#--from=}" ;;
          --*) ;;
          *) args+=("$word") ;;
        esac
      done
      dest="${args[-1]}"
      unset 'args[-1]'
      target="$out/$stage/${dest#/app/}"
      for source in "${args[@]}"; do
        if [ -n "$from" ]; then
          src="$out/$from/${source#/app/}"
        else
          ignored "$source" && { echo "COPY $source is excluded by .dockerignore" >&2; exit 2; }
          src="$context/$source"
        fi
        if [ -d "$src" ]; then
          mkdir -p "$target"
          (cd "$src" && tar cf - --exclude-from=<(grep -v '^\s*\(#\|$\)' "$context/.dockerignore" 2>/dev/null | sed -n "s|^${source%/}/||p") .) | (cd "$target" && tar xf -)
        else
          mkdir -p "$(dirname "$target/x")"
          cp "$src" "$target/"
        fi
      done
      echo "COPY ${args[*]} -> $dest${from:+ (from $from)}"
      ;;
    RUN)
      echo "RUN $rest"
      (cd "$out/$stage" && sh -ec "$rest")
      ;;
    *) ;; # USER, EXPOSE, HEALTHCHECK, CMD: runtime settings, nothing to build
  esac
done <<<"$instructions"

echo "final stage: $out/$stage"
