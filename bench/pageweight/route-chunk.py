#!/usr/bin/env python3
"""Bytes of JavaScript a route adds to the first load (ADR 121; docs/benchmarks-documents.md).

Reads a production build (default: target/classes/META-INF/VAADIN/webapp) and counts, for each given
class name, the files statically imported (transitively) by the chunks that Flow's loadOnDemand
imports for that class's chunk id (SHA-256 of the class name, as Flow's BundleUtils.getChunkId),
minus every file the entry page (index.html's script and the files it imports at start) already imports statically. Prints bytes and
brotli bytes (the .br files of the build) of what is left, and the largest files of it.

    bench/pageweight/route-chunk.py org.issa.tcw.documents.ui.DocumentEditorView [more classes...]
    WEBAPP=/other/checkout/target/classes/META-INF/VAADIN/webapp bench/pageweight/route-chunk.py ...
"""
import hashlib, os, re, sys

webapp = os.environ.get('WEBAPP', 'target/classes/META-INF/VAADIN/webapp')
build = os.path.join(webapp, 'VAADIN', 'build')
STATIC = re.compile(r'(?:import|export)\s*(?:[\w*{}\s,$]+?\s*from\s*)?["\'](\./[^"\']+\.js)["\']')
DYNAMIC = re.compile(r'import\(\s*["\'`](\./[^"\'`]+\.js)["\'`]\s*\)')
# Vite's minified loadOnDemand: (e===`<id>`||e===`<id>`)&&t.push(c(()=>import(`./chunk-….js`),…
TRIGGER = re.compile(r'((?:[\w$]+\s*===\s*["\'`][0-9a-f]{64}["\'`]\s*(?:\|\|\s*)?)+)\)?\s*&&[^;]{0,80}?'
                     r'import\(\s*["\'`](\./[^"\'`]+\.js)')
ID = re.compile(r'[0-9a-f]{64}')


def read(name):
    with open(os.path.join(build, name), encoding='utf-8') as f:
        return f.read()


def closure(names):
    seen, todo = set(), list(names)
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        todo.extend(os.path.basename(m) for m in STATIC.findall(read(name)))
    return seen


def size(name, br=False):
    path = os.path.join(build, name + ('.br' if br else ''))
    return os.path.getsize(path) if os.path.exists(path) else 0


with open(os.path.join(webapp, 'index.html'), encoding='utf-8') as f:
    entry = os.path.basename(re.search(r'src="\./VAADIN/build/([^"]+\.js)"', f.read()).group(1))
# the first load: the entry, the files it imports at start (Flow's bootstrap and client, the
# generated imports with loadOnDemand) and everything they import statically
first = closure([entry] + [os.path.basename(f) for f in DYNAMIC.findall(read(entry))])
loader = {}
for name in first:
    for ids, chunk in TRIGGER.findall(read(name)):
        for chunk_id in ID.findall(ids):
            loader.setdefault(chunk_id, []).append(os.path.basename(chunk))
print(f'entry {entry}: {len(first)} files, {sum(map(size, first)):,} bytes statically loaded first')
for cls in sys.argv[1:]:
    chunk_id = hashlib.sha256(cls.encode('utf-8')).hexdigest()
    chunks = loader.get(chunk_id, [])
    if not chunks:
        print(f'{cls}: no chunk (id {chunk_id[:12]}…)')
        continue
    added = sorted(closure(chunks) - first, key=size, reverse=True)
    total, brotli = sum(map(size, added)), sum(size(n, True) for n in added)
    print(f'{cls}: {total:,} bytes ({brotli:,} brotli) in {len(added)} files added to the first load')
    for name in added[:12]:
        print(f'    {size(name):>9,}  {name}')
