"""Summary of a load-test run: p50/p95/p99 per request type from Gatling's report (its statistics
table), the error rate, and the server's CPU and heap from samples.csv. Fails loudly when the
report has no statistics table (another Gatling version would need this parser adapted)."""
import csv
import re
import sys

report, samples, users, seconds, load = sys.argv[1:6]
mix = sys.argv[6] if len(sys.argv) > 6 else "dense"
html = open(report, encoding="utf-8").read()
rows = re.findall(r'<tr id="(req_[^"]*|ROOT)"[^>]*>(.*?)</tr>', html, re.S)
if not rows:
    sys.exit(f"no statistics table in {report}")
print(f"{users} users ({mix} mix), {seconds} s, load average at the end {load}")
print(f"{'request':28} {'count':>7} {'KO %':>6} {'p50':>6} {'p95':>6} {'p99':>6} {'max':>6}  (ms)")
total = ko = 0
requests = 0
for rid, cells in rows:
    name = re.search(r'class="ellipsed-name">([^<]*)<', cells)
    label = "all" if rid == "ROOT" else (name.group(1) if name else rid)
    values = dict(re.findall(r'class="value [a-z ]*col-(\d+)">([^<]*)<', cells))
    count, kos, pct = values.get("2", "-"), values.get("4", "-"), values.get("5", "-")
    line = f"{label:28} {count:>7} {pct:>6} {values.get('8', '-'):>6} {values.get('9', '-'):>6} {values.get('10', '-'):>6} {values.get('12', '-'):>6}"
    print(line)
    if rid == "ROOT" and count.replace(",", "").isdigit():
        requests = int(count.replace(",", ""))
cpu, heap, rss = [], [], []
cpu_seconds = 0.0
previous = 0.0
try:
    with open(samples) as f:
        for r in csv.DictReader(f):
            if r["cpu_percent"]:
                cpu.append(float(r["cpu_percent"]))
                cpu_seconds += float(r["cpu_percent"]) / 100 * (float(r["seconds"]) - previous)
            previous = float(r["seconds"])
            if r["heap_used_mb"]:
                heap.append(float(r["heap_used_mb"]))
            if r["rss_mb"]:
                rss.append(float(r["rss_mb"]))
except FileNotFoundError:
    pass
if cpu:
    cpu_sorted = sorted(cpu)
    print(f"server CPU (% of one core): mean {sum(cpu) / len(cpu):.0f}, max {cpu_sorted[-1]:.0f}; "
          f"heap used max {max(heap) if heap else 0:.0f} MB; RSS max {max(rss) if rss else 0:.0f} MB ({len(cpu)} samples)")
    # CPU time is load-independent (a busy machine stretches the wall clock, not the work done)
    if requests:
        print(f"server CPU time over the measured run {cpu_seconds:.0f} s: "
              f"{1000 * cpu_seconds / requests:.1f} ms per request ({requests} requests)")
else:
    print("server CPU/heap: no samples")
