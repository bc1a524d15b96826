#!/usr/bin/env bash
# bench-history.sh — history extraction and site build against the floor
# (one `git log --raw -c --no-abbrev` over the whole repository) and Hugo,
# side by side in one run, on a generated repository (issue 4, "Speed").
#
# Usage: scripts/bench-history.sh [-n DOCS] [-m COMMITS] [-r RUNS] [-d DIR]
#
#   -n DOCS     documents in the generated repository (default 10000)
#   -m COMMITS  commits (default 5000)
#   -r RUNS     measured runs per row after one warm-up (default 5)
#   -d DIR      work directory (default /tmp/qms-bench); the repository is
#               generated once into DIR/repo-nDOCS-mCOMMITS and reused
#
# Rows (commands run interleaved, A B C D E A B C D E ..., medians shown):
#   git-log     git log --raw -c --no-abbrev (every change of every commit, merges
#               by the combined-diff rule): the floor
#   history     internal/cmd/histload: qms's history extraction alone (history.Open+Load)
#   hugo        hugo --enableGitInfo over the same Markdown (untracked hugo.toml in a
#               copy; Hugo's default outputs, feeds and sitemap included, as qms has)
#   hugo-nogit  the same without --enableGitInfo
#   hugo-min    hugo --enableGitInfo with feeds, sitemap, taxonomies and 404 off
#   qms-build   the whole `qms build` of the repository (skipped if qms has no build):
#               the same commit built again, as Hugo is, so that qms rewrites only
#               the bytes that changed (none) of its recycled previous output
#   qms-rewrite the same, with --as-of cycling through three dates: every page
#               (its print footer states the date) differs from the recycled
#               output, as after any new commit (the footer names the commit), so
#               every file is rewritten (the recycled output is the one before
#               the last: with two dates it would have this build's date)
# Wall time is measured around the process; cpu = user+sys and peak = max RSS
# come from /usr/bin/time -v's fields. Each run starts after `sync`, so that
# no row pays for writing back the files an earlier row wrote.
#
# After the table, internal/cmd/writefloor rewrites qms build's output tree
# (and Hugo's) in place with the same number of writers, as both tools do
# over their previous output here: the file-system floor under any build
# that rewrites those files. (writefloor -fresh creates them anew, as a
# build from a clean checkout does; on this VM that is too erratic to print:
# 0.6–1.2 s for a first run, then 5–35 s while the disk catches up.) Needs git, Go and /usr/bin/time;
# Hugo rows are skipped when hugo is not installed.
set -euo pipefail

docs=10000 commits=5000 runs=5 work=/tmp/qms-bench
while getopts "n:m:r:d:" opt; do
	case $opt in
	n) docs=$OPTARG ;;
	m) commits=$OPTARG ;;
	r) runs=$OPTARG ;;
	d) work=$OPTARG ;;
	*) sed -n '2,12p' "$0"; exit 2 ;;
	esac
done

here=$(cd "$(dirname "$0")/.." && pwd)
bin=$work/bin
repo=$work/repo-n$docs-m$commits
mkdir -p "$bin" "$work/times"
rm -f "$work"/times/*

echo "== building tools"
(cd "$here" && go build -o "$bin/gencorpus" ./internal/cmd/gencorpus &&
	go build -o "$bin/histload" ./internal/cmd/histload &&
	go build -o "$bin/writefloor" ./internal/cmd/writefloor &&
	go build -o "$bin/qms" ./cmd/qms)

if [ ! -d "$repo/.git" ]; then
	echo "== generating $repo ($docs documents, $commits commits)"
	rm -rf "$repo"
	"$bin/gencorpus" -out "$repo" -n "$docs" -m "$commits"
fi
echo "== $(git -C "$repo" rev-list --count HEAD) commits ($(git -C "$repo" rev-list --count --merges HEAD) merges), $(git -C "$repo" ls-files | wc -l) files, pack $(du -sh "$repo/.git/objects/pack" | cut -f1)"

# Rows: name and command line.
names=() cmds=()
row() { names+=("$1"); cmds+=("$2"); }
row git-log "git -C $repo log --raw -c --no-abbrev --format=%H%x1f%P%x1f%an%x1f%aI%x1f%s"
row history "$bin/histload $repo"

hugosite=$work/hugo-site-n$docs-m$commits
layouts=$work/hugo-layouts
if command -v hugo >/dev/null; then
	if [ ! -d "$hugosite/.git" ]; then
		rm -rf "$hugosite"
		cp -a "$repo" "$hugosite"
	fi
	# contentDir "." (not module mounts, with which GitInfo stays empty)
	# so that Hugo finds each page's file in git; layouts live outside.
	# hugo.toml keeps Hugo's defaults: like qms it also writes feeds (RSS)
	# and a sitemap. hugo-min.toml turns those off, as this script did
	# before; its row shows what they cost Hugo.
	cat >"$hugosite/hugo.toml" <<EOF
baseURL = "http://example.invalid/"
contentDir = "."
layoutDir = "$layouts"
ignoreFiles = ['hugo.*\.toml$']
EOF
	cat >"$hugosite/hugo-min.toml" <<EOF
baseURL = "http://example.invalid/"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
contentDir = "."
layoutDir = "$layouts"
ignoreFiles = ['hugo.*\.toml$']
EOF
	mkdir -p "$layouts/_default"
	cat >"$layouts/_default/single.html" <<'EOF'
<!doctype html><title>{{ .Title }}</title><h1>{{ .Title }}</h1>
{{ with .GitInfo }}<p class="gitinfo">{{ .AbbreviatedHash }} {{ .AuthorName }} {{ .AuthorDate.Format "02/01/2006" }} {{ .Subject }}</p>{{ end }}
<p>{{ .Lastmod.Format "02/01/2006" }}</p>{{ .Content }}
EOF
	cat >"$layouts/_default/list.html" <<'EOF'
<!doctype html><title>{{ .Title }}</title><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>
EOF
	row hugo "hugo --quiet --source $hugosite --config $hugosite/hugo.toml --destination $work/hugo-public --enableGitInfo"
	row hugo-nogit "hugo --quiet --source $hugosite --config $hugosite/hugo.toml --destination $work/hugo-public-nogit"
	row hugo-min "hugo --quiet --source $hugosite --config $hugosite/hugo-min.toml --destination $work/hugo-public-min --enableGitInfo"
else
	echo "== hugo not installed: Hugo rows skipped"
fi

if "$bin/qms" help build >/dev/null 2>&1; then
	row qms-build "$bin/qms build --root $repo --out $work/qms-public"
	# qms-flip builds with the next of three --as-of dates.
	cat >"$bin/qms-flip" <<FLIP
#!/bin/sh
n=\$(( (\$(cat "$work/flip" 2>/dev/null || echo 0) + 1) % 3 )); echo \$n >"$work/flip"; d=2026-11-2\$((7 + n))
exec "$bin/qms" build --root "$repo" --out "$work/qms-public-rewrite" --as-of \$d
FLIP
	chmod +x "$bin/qms-flip"
	row qms-rewrite "$bin/qms-flip"
else
	echo "== qms has no build command yet: qms-build row skipped"
fi

# One measurement: wall (s), cpu (s), peak RSS (KiB).
measure() {
	local i=$1 out=$work/times/tv
	local t0 t1
	sync
	t0=$(date +%s%N)
	if ! /usr/bin/time -v -o "$out" ${cmds[$i]} >/dev/null 2>"$work/times/err"; then
		echo "!! ${names[$i]} failed:" >&2
		tail -5 "$work/times/err" >&2
		exit 1
	fi
	t1=$(date +%s%N)
	awk -v wall="$(( (t1 - t0) / 1000 ))" '
		/User time/ {u=$NF} /System time/ {s=$NF} /Maximum resident/ {m=$NF}
		END {printf "%.3f %.3f %d\n", wall/1e6, u+s, m}' "$out" >>"$work/times/${names[$i]}"
}

echo "== load average before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores (wall times are only meaningful on an idle machine; cpu = user+sys is robust)"
echo "== warm-up"
for i in "${!names[@]}"; do measure "$i"; done
if [ -d "$work/hugo-public" ]; then
	echo "== hugo wrote $(find "$work/hugo-public" -name '*.html' | wc -l) pages, $(grep -rl 'class="gitinfo"' "$work/hugo-public" | wc -l) with GitInfo"
fi
if [ -d "$work/qms-public" ]; then
	echo "== qms build wrote $(find "$work/qms-public" -name '*.html' | wc -l) pages"
fi
rm -f "$work"/times/*
echo "== $runs runs of ${#names[@]} rows, interleaved"
for ((r = 1; r <= runs; r++)); do
	for i in "${!names[@]}"; do measure "$i"; done
done

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
declare -A W C P
for n in "${names[@]}"; do
	W[$n]=$(cut -d' ' -f1 "$work/times/$n" | median)
	C[$n]=$(cut -d' ' -f2 "$work/times/$n" | median)
	P[$n]=$(cut -d' ' -f3 "$work/times/$n" | median)
done

echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
printf "%-11s %9s %9s %10s %12s %12s\n" row "wall s" "cpu s" "peak MiB" "wall/git-log" "cpu/git-log"
for n in "${names[@]}"; do
	awk -v n="$n" -v w="${W[$n]}" -v c="${C[$n]}" -v p="${P[$n]}" -v gw="${W[git-log]}" -v gc="${C[git-log]}" \
		'BEGIN {printf "%-11s %9.3f %9.3f %10.1f %12.2f %12.2f\n", n, w, c, p/1024, w/gw, c/gc}'
done

echo
awk -v w="${W[history]}" -v gw="${W[git-log]}" -v p="${P[history]}" 'BEGIN {
	r = w/gw
	printf "history extraction: %.2f× git log wall (target ≤ 3×, aim 2×): %s; peak %.1f MiB (target < 150): %s\n",
		r, (r <= 3 ? "ok" : "OVER"), p/1024, (p/1024 < 150 ? "ok" : "OVER") }'
awk -v c="${C[history]}" -v gc="${C[git-log]}" 'BEGIN { printf "history extraction: %.2f× git log cpu\n", c/gc }'
if [ -n "${W[hugo]:-}" ]; then
	awk -v h="${W[hugo]}" -v h0="${W[hugo-nogit]}" 'BEGIN { printf "hugo: enableGitInfo costs %.2f× the build without it\n", h/h0 }'
fi
if [ -n "${W[qms-build]:-}" ] && [ -n "${W[hugo]:-}" ]; then
	awk -v q="${W[qms-build]}" -v h="${W[hugo]}" -v qp="${P[qms-build]}" -v hp="${P[hugo]}" 'BEGIN {
		printf "qms build: %.2f× Hugo wall (target ≤ 0.5): %s; %.2f× Hugo peak memory (target ≤ 0.5): %s\n",
			q/h, (q/h <= 0.5 ? "ok" : "OVER"), qp/hp, (qp/hp <= 0.5 ? "ok" : "OVER") }'
	if [ -n "${W[qms-rewrite]:-}" ]; then
		awk -v q="${W[qms-rewrite]}" -v h="${W[hugo]}" -v qp="${P[qms-rewrite]}" -v hp="${P[hugo]}" 'BEGIN {
			printf "qms build rewriting every file: %.2f× Hugo wall; %.2f× Hugo peak memory\n", q/h, qp/hp }'
	fi
fi

if [ -d "$work/qms-public" ]; then
	echo
	echo "== file-system floor: the same output trees rewritten in place ($(nproc) writers, $runs runs each)"
	qf=$("$bin/writefloor" -n "$runs" "$work/qms-public")
	echo "qms output:  $qf"
	if [ -d "$work/hugo-public" ]; then
		echo "hugo output: $("$bin/writefloor" -n "$runs" "$work/hugo-public")"
	fi
	if [ -n "${W[hugo]:-}" ]; then
		awk -v h="${W[hugo]}" -v f="$(sed 's/.*median \([0-9.]*\) s.*/\1/' <<<"$qf")" -v q="${W[qms-build]}" 'BEGIN {
			printf "rewriting qms output in place alone: %.3f s = %.2f× Hugo wall, against a target of %.3f s (0.5× Hugo) for the whole build; qms build (which rewrites only the bytes that changed) = %.2f× that\n",
				f, f/h, h/2, q/f }'
	fi
fi
