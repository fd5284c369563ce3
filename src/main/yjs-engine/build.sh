#!/usr/bin/env bash
# Bundles engine.mjs + the real yjs from npm into ONE ES module that the server evaluates in
# GraalJS (org.issa.tcw.documents.YjsEngine). Run by Maven in generate-resources; nothing
# generated is committed. Uses the Node that .mvn/scripts/ensure-node.sh provisions for Vaadin
# (or any Node >= 18 given as $1's bin/node). Skips the work when the output is newer than its inputs.
#
# usage: build.sh <node home, e.g. ~/.vaadin/node-v24.15.0> <output file>
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
node_home="$1"
out="$2"
node="$node_home/bin/node"
npm_cli="$node_home/lib/node_modules/npm/bin/npm-cli.js"
if [[ ! -x "$node" ]]; then
    node="$(command -v node)"
    npm_cli="$(dirname "$(readlink -f "$node")")/../lib/node_modules/npm/bin/npm-cli.js"
fi
log() { echo "[yjs-engine] $*"; }

if [[ -f "$out" && "$out" -nt "$here/engine.mjs" && "$out" -nt "$here/package-lock.json" && -d "$here/node_modules/yjs" ]]; then
    log "up to date: $out"
    exit 0
fi
cd "$here"
if [[ ! -d node_modules/yjs || ! -d node_modules/esbuild || package-lock.json -nt node_modules/.package-lock.json ]]; then
    log "installing yjs + esbuild with $node"
    if [[ -f package-lock.json ]]; then
        "$node" "$npm_cli" ci --no-audit --no-fund --loglevel=error
    else
        "$node" "$npm_cli" install --no-audit --no-fund --loglevel=error
    fi
fi
mkdir -p "$(dirname "$out")"
# esbuild's JS API (its bin/ entry is replaced by a native binary on install)
OUT="$out" "$node" --input-type=module -e "
import { build } from 'esbuild';
await build({ entryPoints: ['engine.mjs'], bundle: true, format: 'esm', platform: 'neutral',
  target: 'es2022', logLevel: 'warning', outfile: process.env.OUT });"
log "bundled $(wc -c < "$out") bytes into $out"
