"""What the server's HTTP threads waited for during a load run, from its JFR recording (JFR=1):
the total time and number of waits (jdk.ThreadPark, jdk.JavaMonitorEnter) by what was waited on,
and where the CPU samples fell. Only events after the given time of day (the server healthy).
usage: python3 bench/load/jfr-waits.py <server.jfr> <HH:MM:SS>"""
import collections
import os
import re
import subprocess
import sys

jfr_file, since = sys.argv[1], sys.argv[2]
jfr = os.path.join(os.environ.get("JAVA_HOME", "/usr/lib/jvm/temurin-25-jdk-amd64"), "bin", "jfr")


def events(kinds):
    out = subprocess.run([jfr, "print", "--events", kinds, "--stack-depth", "40", jfr_file],
                         check=True, capture_output=True, text=True).stdout
    for e in re.split(r"\njdk\.\w+ \{", out):
        t = re.search(r"startTime = (\d\d:\d\d:\d\d)", e)
        if t and t.group(1) >= since:
            yield e


def millis(e):
    m = re.search(r"duration = ([\d.]+) (ms|s|us|ns)", e)
    return float(m.group(1)) * {"ms": 1, "s": 1000, "us": 0.001, "ns": 1e-6}[m.group(2)] if m else 0


waits, counts = collections.Counter(), collections.Counter()
for e in events("jdk.ThreadPark,jdk.JavaMonitorEnter"):
    if "http-nio" not in e:
        continue
    key = None
    for frame in re.findall(r"^\s{4}(\S.*?)(?: line: \d+)?$", e, re.M):
        if "HikariPool.getConnection" in frame:
            key = "a database connection (HikariPool.getConnection)"
        elif "GroupCommit.submit" in frame:
            key = "the group commit of a keystroke (GroupCommit.submit)"
        elif "VaadinService.lockSession" in frame or "VaadinSession.lock" in frame:
            key = "its Vaadin session's lock"
        elif frame.startswith("org.issa"):
            key = "other, in " + frame.split("(")[0]
        if key:
            break
    if key:
        waits[key] += millis(e)
        counts[key] += 1
print("HTTP threads waited for (total s, times):")
for key, ms in waits.most_common(10):
    print(f"{ms / 1000:9.1f} s {counts[key]:6}  {key}")

groups = [("Vaadin", "com.vaadin"), ("Hibernate", "org.hibernate"), ("H2", "org.h2."),
          ("nested jar class/resource look-ups", "org.springframework.boot.loader"), ("BCrypt", "BCrypt"),
          ("GraalJS (yjs)", "com.oracle.truffle"), ("CurrentUser.get", "CurrentUser.get"), ("Lucene", "org.apache.lucene")]
samples, shares = 0, collections.Counter()
for e in events("jdk.ExecutionSample"):
    samples += 1
    for name, marker in groups:
        if marker in e:
            shares[name] += 1
print(f"CPU samples: {samples}")
for name, n in shares.most_common():
    print(f"{100 * n / max(samples, 1):5.1f} %  {name}")

# Which of the application's own methods the CPU samples fell under: the innermost org.issa frame of
# each sample (what called into Vaadin, Hibernate, H2 …), and the outermost (the view, the service
# or the endpoint that the request entered).
inner, outer = collections.Counter(), collections.Counter()
for e in events("jdk.ExecutionSample"):
    frames = [f.split("(")[0] for f in re.findall(r"^\s{4}(\S.*?)(?: line: \d+)?$", e, re.M)
              if f.startswith("org.issa")]
    if frames:
        inner[frames[0]] += 1
        outer[frames[-1]] += 1
for title, counter in (("innermost application frame", inner), ("outermost application frame", outer)):
    print(f"CPU samples by {title} (40 frames deep at most):")
    for frame, n in counter.most_common(15):
        print(f"{100 * n / max(samples, 1):5.1f} %  {frame}")
