#!/usr/bin/env python3
"""Who retains what in a heap dump (issue 19, "Memory per session"; docs/benchmarks.md).

usage: bench/memory/retainers.py HEAP.hprof [class ...]
       bench/memory/retainers.py --paths CLASS HEAP.hprof   (what keeps instances of CLASS reachable)
       bench/memory/retainers.py --shortest CLASS [MIN_BYTES] HEAP.hprof   (the same, shortest paths only: fast)

Reads an HPROF dump (as jcmd GC.heap_dump or bench/memory/run.sh with -Dbench.heapdump=true writes
it), computes the dominator tree (Cooper, Harvey and Kennedy's iterative algorithm; every class and
every GC root hangs off one super-root) and prints:
  - the retained size of all instances of the named classes (default: Vaadin's UI and session,
    Tomcat's session, Atmosphere's resource, Tomcat's WebSocket session), and
  - with --paths CLASS: for the instances of CLASS, their chains of dominators up to the GC roots
    (every object on the way, JDK ones included, outermost last), grouped, with counts — e.g. which
    thread, map or registry keeps closed UIs alive;
  - for byte[], char[], long[] and String: the nearest dominator that is not a JDK collection or
    array — the object that really keeps them — grouped by its class, with bytes and counts.
Sizes are estimates for a 64-bit JVM with compressed references (12-byte header, 4-byte
references, 8-byte alignment). Pure Python, no dependencies; a 200 MB dump takes a few minutes.
"""
import struct
import sys
from collections import defaultdict

BASIC = {2: 4, 4: 1, 5: 2, 6: 4, 7: 8, 8: 1, 9: 2, 10: 4, 11: 8}  # hprof type -> size in the JVM
PRIM_NAMES = {4: 'boolean[]', 5: 'char[]', 6: 'float[]', 7: 'double[]', 8: 'byte[]', 9: 'short[]', 10: 'int[]', 11: 'long[]'}
DEFAULT_CLASSES = ['com.vaadin.flow.component.UI', 'com.vaadin.flow.server.VaadinSession',
                   'org.apache.catalina.session.StandardSession', 'org.atmosphere.cpr.AtmosphereResourceImpl',
                   'org.apache.tomcat.websocket.WsSession', 'org.apache.tomcat.websocket.server.WsFrameServer',
                   'com.vaadin.flow.internal.StateTree', 'org.springframework.security.core.context.SecurityContextImpl',
                   'org.springframework.security.web.savedrequest.DefaultSavedRequest',
                   # per browser connection (issue 19: what outlives the page)
                   'org.apache.tomcat.util.net.NioEndpoint$NioSocketWrapper', 'org.apache.tomcat.util.net.NioChannel',
                   'org.apache.tomcat.util.net.SocketBufferHandler', 'org.apache.coyote.http11.Http11Processor',
                   'org.apache.catalina.connector.Request', 'org.apache.catalina.connector.Response',
                   'org.apache.coyote.http11.upgrade.UpgradeProcessorInternal',
                   'org.atmosphere.cache.UUIDBroadcasterCache', 'org.atmosphere.cpr.DefaultBroadcaster',
                   'java.lang.Thread']


def align(n):
    return (n + 7) & ~7


def parse(path):
    data = open(path, 'rb').read()
    mv = memoryview(data)
    end = data.index(b'\0')
    idsize, = struct.unpack_from('>I', data, end + 1)
    assert idsize == 8, idsize
    pos = end + 1 + 4 + 8
    strings = {}
    class_name_id = {}
    classes = {}       # class id -> (super id, [(type, ...)] instance fields)
    statics = defaultdict(list)
    objs_class = {}    # object id -> class id, or a string name for arrays
    objs_size = {}
    objs_refs = {}
    roots = set()
    unpack_q = struct.Struct('>Q').unpack_from
    unpack_i = struct.Struct('>I').unpack_from
    n = len(data)
    while pos < n:
        tag = data[pos]
        length, = unpack_i(data, pos + 5)
        body = pos + 9
        pos = body + length
        if tag == 0x01:
            sid, = unpack_q(data, body)
            strings[sid] = bytes(mv[body + 8:body + length]).decode('utf-8', 'replace')
        elif tag == 0x02:
            cid, = unpack_q(data, body + 4)
            nid, = unpack_q(data, body + 16)
            class_name_id[cid] = nid
        elif tag in (0x0C, 0x1C):
            p = body
            stop = body + length
            while p < stop:
                sub = data[p]
                p += 1
                if sub == 0xFF or sub == 0x05 or sub == 0x07:
                    roots.add(unpack_q(data, p)[0]); p += 8
                elif sub == 0x01:
                    roots.add(unpack_q(data, p)[0]); p += 16
                elif sub in (0x02, 0x03, 0x08):
                    roots.add(unpack_q(data, p)[0]); p += 16
                elif sub in (0x04, 0x06):
                    roots.add(unpack_q(data, p)[0]); p += 12
                elif sub == 0x20:
                    cid, = unpack_q(data, p)
                    sup, = unpack_q(data, p + 12)
                    p += 8 + 4 + 8 * 6 + 4
                    cp, = struct.unpack_from('>H', data, p); p += 2
                    for _ in range(cp):
                        t = data[p + 2]; p += 3 + (8 if t == 2 else BASIC[t])
                    ns, = struct.unpack_from('>H', data, p); p += 2
                    refs = []
                    for _ in range(ns):
                        t = data[p + 8]
                        if t == 2:
                            v, = unpack_q(data, p + 9)
                            if v:
                                refs.append(v)
                            p += 17
                        else:
                            p += 9 + BASIC[t]
                    nf, = struct.unpack_from('>H', data, p); p += 2
                    fields = []
                    for _ in range(nf):
                        fields.append(data[p + 8]); p += 9
                    classes[cid] = (sup, fields)
                    statics[cid] = refs
                elif sub == 0x21:
                    oid, = unpack_q(data, p)
                    cid, = unpack_q(data, p + 12)
                    nb, = unpack_i(data, p + 20)
                    objs_class[oid] = cid
                    objs_refs[oid] = (p + 24, nb)  # parsed later, once every class is known
                    p += 24 + nb
                elif sub == 0x22:
                    oid, = unpack_q(data, p)
                    cnt, = unpack_i(data, p + 12)
                    acid, = unpack_q(data, p + 16)
                    ids = struct.unpack_from('>%dQ' % cnt, data, p + 24)
                    objs_class[oid] = ('A', acid)
                    objs_size[oid] = align(16 + 4 * cnt)
                    objs_refs[oid] = [x for x in ids if x]
                    p += 24 + 8 * cnt
                elif sub == 0x23:
                    oid, = unpack_q(data, p)
                    cnt, = unpack_i(data, p + 12)
                    t = data[p + 16]
                    objs_class[oid] = PRIM_NAMES[t]
                    objs_size[oid] = align(16 + BASIC[t] * cnt)
                    objs_refs[oid] = ()
                    p += 17 + BASIC[t] * cnt
                else:
                    raise ValueError('unknown sub-record 0x%x at %d' % (sub, p))
    names = {cid: strings.get(nid, '?').replace('/', '.') for cid, nid in class_name_id.items()}

    layouts = {}

    def layout(cid):
        if cid in layouts:
            return layouts[cid]
        offs = []
        size = 0
        off = 0
        c = cid
        while c and c in classes:
            for t in classes[c][1]:
                if t == 2:
                    offs.append(off)
                    off += 8
                    size += 4
                else:
                    off += BASIC[t]
                    size += BASIC[t]
            c = classes[c][0]
        layouts[cid] = (offs, align(12 + size))
        return layouts[cid]

    for oid, cid in objs_class.items():
        if isinstance(cid, int):
            start, nb = objs_refs[oid]
            offs, size = layout(cid)
            refs = []
            for o in offs:
                v, = unpack_q(data, start + o)
                if v:
                    refs.append(v)
            objs_refs[oid] = refs
            objs_size[oid] = size
    for cid in classes:
        objs_class[cid] = ('S', cid)
        objs_size[cid] = 0
        objs_refs[cid] = statics[cid]
        roots.add(cid)

    def name_of(oid):
        c = objs_class[oid]
        if isinstance(c, int):
            return names.get(c, '?')
        if isinstance(c, tuple):
            return ('static ' if c[0] == 'S' else '') + names.get(c[1], '?')
        return c
    return objs_class, objs_size, objs_refs, roots, name_of


def dominators(objs_refs, roots):
    ids = list(objs_refs.keys())
    index = {oid: i + 1 for i, oid in enumerate(ids)}  # 0 = super-root
    n = len(ids) + 1
    succ = [None] * n
    succ[0] = [index[r] for r in roots if r in index]
    for oid, refs in objs_refs.items():
        succ[index[oid]] = [index[r] for r in refs if r in index]
    # reverse postorder by an iterative depth-first search
    order = []
    seen = bytearray(n)
    stack = [(0, 0)]
    seen[0] = 1
    while stack:
        v, i = stack[-1]
        s = succ[v]
        if i < len(s):
            stack[-1] = (v, i + 1)
            w = s[i]
            if not seen[w]:
                seen[w] = 1
                stack.append((w, 0))
        else:
            stack.pop()
            order.append(v)
    order.reverse()
    rpo = [0] * n
    for k, v in enumerate(order):
        rpo[v] = k
    preds = [[] for _ in range(n)]
    for v in order:
        for w in succ[v]:
            preds[w].append(v)
    idom = [-1] * n
    idom[0] = 0
    changed = True
    while changed:
        changed = False
        for v in order[1:]:
            new = -1
            for p in preds[v]:
                if idom[p] == -1:
                    continue
                if new == -1:
                    new = p
                    continue
                a, b = p, new
                while a != b:
                    while rpo[a] > rpo[b]:
                        a = idom[a]
                    while rpo[b] > rpo[a]:
                        b = idom[b]
                new = a
            if idom[v] != new:
                idom[v] = new
                changed = True
    return ids, index, order, idom


CONTAINERS = ('java.', 'jdk.', 'sun.', '[', 'static java.', 'static jdk.', 'static sun.')


def paths(path, cls, min_bytes=0, with_dominators=True):
    """the dominator chains of every instance of cls, grouped by their class names (innermost first)"""
    objs_class, objs_size, objs_refs, roots, name_of = parse(path)
    if with_dominators:
        ids, index, order, idom = dominators(objs_refs, roots)
        nm = [None] + [name_of(oid) for oid in ids]
        groups = defaultdict(int)
        for v in order[1:]:
            if nm[v] == cls and objs_size[ids[v - 1]] >= min_bytes:
                out = []
                u = idom[v]
                while u != 0:
                    out.append(nm[u])
                    u = idom[u]
                groups[' < '.join(out) or '<root>'] += 1
        print('== %s: dominator chains, innermost first (count) ==' % cls)
        for k, c in sorted(groups.items(), key=lambda e: -e[1])[:30]:
            print('%6d  %s' % (c, k))
    # and a shortest path from a GC root to each instance (breadth first), grouped the same way
    parent = {}
    queue = [r for r in roots if r in objs_refs]
    for r in queue:
        parent[r] = None
    i = 0
    while i < len(queue):
        o = queue[i]
        i += 1
        for w in objs_refs.get(o, ()):
            if w not in parent and w in objs_refs:
                parent[w] = o
                queue.append(w)
    shortest = defaultdict(int)
    for o in queue:
        if objs_size[o] >= min_bytes and name_of(o) == cls:
            out = []
            u = parent[o]
            while u is not None:
                out.append(name_of(u))
                u = parent[u]
            shortest[' < '.join(out) or '<root>'] += objs_size[o] if min_bytes else 1
    print('\n== %s%s: shortest paths from a GC root, innermost first (%s) ==' % (
        cls, ' of at least %d bytes' % min_bytes if min_bytes else '', 'bytes' if min_bytes else 'count'))
    for k, c in sorted(shortest.items(), key=lambda e: -e[1])[:30]:
        print('%6d  %s' % (c, k))


def main():
    if sys.argv[1] == '--paths':
        paths(sys.argv[3], sys.argv[2])
        return
    if sys.argv[1] == '--shortest':
        paths(sys.argv[-1], sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 4 else 0, with_dominators=False)
        return
    path = sys.argv[1]
    wanted = sys.argv[2:] or DEFAULT_CLASSES
    objs_class, objs_size, objs_refs, roots, name_of = parse(path)
    print('objects: %d, shallow total %d KB' % (len(objs_class), sum(objs_size.values()) >> 10), flush=True)
    ids, index, order, idom = dominators(objs_refs, roots)
    n = len(ids) + 1
    retained = [0] * n
    for i, oid in enumerate(ids):
        retained[i + 1] = objs_size[oid]
    for v in reversed(order[1:]):
        retained[idom[v]] += retained[v]
    nm = [None] + [name_of(oid) for oid in ids]
    print('\n== retained by class (all instances, only outermost counted once) ==')
    wanted_set = set(wanted)
    totals = {c: [0, 0] for c in wanted}
    for v in order[1:]:
        c = nm[v]
        if c in wanted_set:
            t = totals[c]
            t[1] += 1
            # skip instances dominated by another of the same class
            u = idom[v]
            while u != 0 and nm[u] != c:
                u = idom[u]
            if u == 0:
                t[0] += retained[v]
    for c in wanted:
        print('%8d KB  %5d instances  %s' % (totals[c][0] >> 10, totals[c][1], c))

    # the nearest non-JDK dominator of every object, in one pass (a dominator comes before the
    # objects it dominates in reverse postorder), so that long JDK chains are walked once
    jdk = [False] + [name.startswith(CONTAINERS) or name.endswith('[]') for name in nm[1:]]
    own = [0] * n
    for v in order[1:]:
        u = idom[v]
        own[v] = u if (u == 0 or not jdk[u]) else own[u]

    def owner(v):
        return own[v]

    def chain(v, depth=4):
        """the nearest non-JDK dominators of v, innermost first (who keeps it, and who keeps that)"""
        out = []
        u = owner(v)
        while u != 0 and len(out) < depth:
            out.append(nm[u].rsplit('.', 1)[-1])
            u = owner(u)
        return ' < '.join(out) or '<root>'

    for leaf in ('byte[]', 'long[]', 'char[]', 'java.lang.String', 'java.util.HashMap$Node'):
        groups = defaultdict(lambda: [0, 0])
        chains = defaultdict(lambda: [0, 0])
        for v in order[1:]:
            if nm[v] == leaf:
                o = owner(v)
                g = groups[nm[o] if o else '<root>']
                g[0] += retained[v]
                g[1] += 1
                if leaf in ('byte[]', 'char[]', 'long[]'):
                    g = chains[chain(v)]
                    g[0] += retained[v]
                    g[1] += 1
        print('\n== %s by nearest non-JDK dominator (retained KB, count) ==' % leaf)
        for k, (b, c) in sorted(groups.items(), key=lambda e: -e[1][0])[:25]:
            print('%8d KB %7d  %s' % (b >> 10, c, k))
        if chains:
            print('\n== %s by chain of non-JDK dominators, innermost first (retained KB, count) ==' % leaf)
            for k, (b, c) in sorted(chains.items(), key=lambda e: -e[1][0])[:25]:
                print('%8d KB %7d  %s' % (b >> 10, c, k))
    # the biggest non-JDK retainers overall, by class
    groups = defaultdict(lambda: [0, 0])
    for v in order[1:]:
        # count only the outermost non-JDK object of each chain
        if not jdk[v] and own[v] == 0:
            g = groups[nm[v]]
            g[0] += retained[v]
            g[1] += 1
    print('\n== top non-JDK retainers directly under JDK structures/roots (retained KB, count) ==')
    for k, (b, c) in sorted(groups.items(), key=lambda e: -e[1][0])[:40]:
        print('%8d KB %7d  %s' % (b >> 10, c, k))


if __name__ == '__main__':
    main()
