#!/usr/bin/env bash
# End-to-end benchmark: the same survival job through trialstats and R survival on the same file.
#
#   bench/run.sh [ROWS ...]        default sizes: 10000 100000 1000000 (add 10000000 for 10M)
#
# Job: read the CSV, Kaplan-Meier median with CI per arm, log-rank stratified by STRATUM, Cox HR
# stratified by STRATUM (Efron ties). trialstats runs it in one JVM (start-up included):
#   java $JAVA_OPTS -jar target/trialstats.jar km --data F --by ARM --strata STRATUM --hr --format csv
# and R runs bench/bench.R (when Rscript is installed). The script checks that medians, CIs,
# log-rank chi-square, HR and CI agree to 1e-6 relative, and prints for each tool the best wall time
# of REPEAT runs (and the CPU seconds and peak RSS of that run, from /usr/bin/time), the ratio and
# the load average at the time. Exit status 1 if any number disagrees.
#
# Environment:
#   REPEAT=3            runs per tool and size (best of N is reported; tools alternate per run)
#   DATA_DIR=target/bench-data   where the generated datasets are kept (reused when present)
#   JAVA_OPTS=...       JVM options for trialstats (default: those of bin/trialstats, see below)
#   NO_R=1              skip R even if Rscript is installed
#   NO_CDS=1            do not use (or write) the AppCDS archive target/trialstats.jsa
#   RESULTS=FILE        also append one tab-separated line per size to FILE
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(10000 100000 1000000)
repeat="${REPEAT:-3}"
data_dir="${DATA_DIR:-target/bench-data}"
jar="$root/target/trialstats.jar"
# Same defaults as bin/trialstats: C1 only (a one-shot job is over before C2 would pay off; not
# for files of 100 MB or more) and the serial collector (no GC threads competing for the two
# cores) with arrays of 1 MB or more allocated in the old generation (never copied by young
# collections); the AppCDS archive.
default_opts="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:PretenureSizeThreshold=1m"

timer=/usr/bin/time
if [ ! -x "$timer" ]; then
  echo "bench: /usr/bin/time is missing (apt-get install time)" >&2
  exit 2
fi
if [ ! -f "$jar" ]; then
  echo "bench: building $jar ..." >&2
  mvn -B -ntp -q -DskipTests package >&2
fi
# the class-data archive of bin/trialstats (written once per build)
if [ -z "${NO_CDS:-}" ]; then
  [ -f target/trialstats.jsa ] && [ target/trialstats.jsa -nt "$jar" ] || bin/trialstats --version >/dev/null
  [ -f target/trialstats.jsa ] && default_opts="$default_opts -XX:SharedArchiveFile=$root/target/trialstats.jsa"
fi
java_opts="${JAVA_OPTS-$default_opts}"
echo "trialstats: java $java_opts -jar $jar km --data FILE --by ARM --strata STRATUM --hr --format csv" >&2
use_r=0
if [ -z "${NO_R:-}" ] && command -v Rscript >/dev/null 2>&1; then
  use_r=1
fi
mkdir -p "$data_dir"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Runs "$@" under /usr/bin/time; sets wall, cpu, rss (MB) and leaves stdout in $work/out.
measure() {
  "$timer" -f "%e %U %S %M" -o "$work/time" "$@" >"$work/out" 2>"$work/err" || {
    echo "bench: failed: $*" >&2
    cat "$work/err" >&2
    exit 1
  }
  read -r wall user sys rss_kb <"$work/time"
  cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
  rss=$((rss_kb / 1024))
}

# Extracts "key value" lines (km median/CI per arm, log-rank chi-square, HR/CI) from either output.
numbers_ts() {
  awk -F, 'NR > 1 && $1 == "km" && $3 == "median" {
             print "median." $2, $5; print "median_low." $2, $6; print "median_high." $2, $7 }
           NR > 1 && $1 == "logrank" && $3 == "logrank" { print "logrank_chisq", $10 }
           NR > 1 && $1 == "cox" && $3 == "hr" {
             print "hr." $2, $5; print "hr_low." $2, $6; print "hr_high." $2, $7 }' "$1"
}
numbers_r() {
  awk -F, 'NR > 1 { gsub(/"/, "") }
           NR > 1 && $1 == "km" { print "median." $2, $4; print "median_low." $2, $5;
                                  print "median_high." $2, $6 }
           NR > 1 && $1 == "logrank" { print "logrank_chisq", $4 }
           NR > 1 && $1 == "cox" { print "hr." $2, $4; print "hr_low." $2, $5;
                                   print "hr_high." $2, $6 }' "$1"
}

printf '%-9s %-11s %8s %8s %8s %7s  %s\n' rows tool "wall_s" "cpu_s" "rss_MB" ratio "load(1,5,15)"
status=0
for n in "${sizes[@]}"; do
  f="$data_dir/bench_$n.csv"
  if [ ! -f "$f" ]; then
    echo "bench: generating $f ..." >&2
    java bench/GenerateData.java "$n" "$f"
  fi
  opts="$java_opts"
  if [ -z "${JAVA_OPTS+x}" ] && [ "$(stat -c %s "$f")" -ge 100000000 ]; then
    opts="${opts/-XX:TieredStopAtLevel=1/}" # as bin/trialstats: C2 pays off on long runs
  fi
  best_ts="" best_r=""
  for ((i = 1; i <= repeat; i++)); do
    # shellcheck disable=SC2086
    measure java $opts -jar "$jar" km --data "$f" --by ARM --strata STRATUM --hr --format csv
    if [ -z "$best_ts" ] || awk -v a="$wall" -v b="${best_ts%% *}" 'BEGIN { exit !(a < b) }'; then
      best_ts="$wall $cpu $rss"
      cp "$work/out" "$work/ts.csv"
    fi
    load_ts="$(cut -d' ' -f1-3 /proc/loadavg)"
    if [ "$use_r" = 1 ]; then
      measure Rscript bench/bench.R "$f"
      if [ -z "$best_r" ] || awk -v a="$wall" -v b="${best_r%% *}" 'BEGIN { exit !(a < b) }'; then
        best_r="$wall $cpu $rss"
        cp "$work/out" "$work/r.csv"
        cp "$work/err" "$work/r_steps.txt"
      fi
    fi
  done
  read -r w c m <<<"$best_ts"
  printf '%-9s %-11s %8s %8s %8s %7s  %s\n' "$n" trialstats "$w" "$c" "$m" "" "$load_ts"
  line="$n	trialstats	$w	$c	$m"
  if [ "$use_r" = 1 ]; then
    read -r rw rc rm <<<"$best_r"
    ratio=$(awk -v a="$rw" -v b="$w" 'BEGIN { printf "%.1fx", a / b }')
    printf '%-9s %-11s %8s %8s %8s %7s  %s\n' "$n" "R survival" "$rw" "$rc" "$rm" "$ratio" \
      "$(cut -d' ' -f1-3 /proc/loadavg)"
    line="$line	R	$rw	$rc	$rm	$ratio"
    numbers_ts "$work/ts.csv" | sort >"$work/ts.num"
    numbers_r "$work/r.csv" | sort >"$work/r.num"
    if ! join "$work/ts.num" "$work/r.num" | awk -v want="$(wc -l <"$work/r.num")" '
        { d = $2 - $3; if (d < 0) d = -d; s = ($3 < 0 ? -$3 : $3); if (s < 1e-300) s = 1e-300
          k++; if (d / s > worst) worst = d / s
          if (d / s > 1e-6) { bad++; printf "  MISMATCH %s trialstats %s R %s\n", $1, $2, $3 } }
        END { if (k != want) { printf "  MISMATCH: %d of %d numbers matched by name\n", k, want; exit 1 }
              printf "  agreement: %d numbers, largest relative difference %.2g\n", k, worst
              exit bad > 0 }'; then
      status=1
    fi
  fi
  [ -n "${RESULTS:-}" ] && printf '%s\t%s\n' "$line" "$load_ts" >>"$RESULTS"
done
exit $status
