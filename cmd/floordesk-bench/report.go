package main

import (
	"bytes"
	"fmt"
	"os"
	"runtime"
	"strings"
	"time"
)

// The README's table sits between these markers; -write replaces it.
const (
	readmeStart = "<!-- bench-table -->"
	readmeEnd   = "<!-- /bench-table -->"
)

// writeReport writes docs/performance.md, the growth picture and the
// README's table.
func writeReport(rows []row, res results) error {
	table := renderTable(rows)
	if err := drawGrowth(res, "docs/performance.png"); err != nil {
		return err
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "# Performance\n\nMeasured by `make bench` on %s, %s.\n\n", time.Now().UTC().Format("2006-01-02"), machine())
	b.WriteString(table)
	b.WriteString("\n## By size of the history\n\n")
	b.WriteString(renderSizes(res))
	b.WriteString("\n![growth](performance.png)\n")
	if err := os.WriteFile("docs/performance.md", b.Bytes(), 0o644); err != nil {
		return err
	}
	return replaceBetween("README.md", readmeStart, readmeEnd, "\n"+table)
}

// renderSizes is every store's figures, for the curve.
func renderSizes(res results) string {
	var b strings.Builder
	b.WriteString("| store | made in | start | heap | RSS | idle CPU | requests list | found list | dashboard parts |\n")
	b.WriteString("|---|---|---|---|---|---|---|---|---|\n")
	for _, st := range res.stores {
		d := res.desk[st.size]
		idle := "—"
		if d.idleCPU >= 0 {
			idle = fmt.Sprintf("%.2f %%", d.idleCPU)
		}
		bench := func(name string) string {
			v, ok := res.bench.metric(historyKey(st, name), "fig-ms")
			if !ok {
				return "—"
			}
			return num(v, "ms")
		}
		fmt.Fprintf(&b, "| %s | %.1f s | %.0f ms | %.1f MB | %.0f MB | %s | %s | %s | %s |\n", st.label(), st.made.Seconds(),
			d.startMS, d.heapMB, d.rssMB, idle, bench("list/requests"), bench("list/found"), bench("dashboard"))
	}
	return b.String()
}

// machine names the processor and the cores, from /proc/cpuinfo.
func machine() string {
	model := "unknown processor"
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, l := range strings.Split(string(b), "\n") {
			if v, ok := strings.CutPrefix(l, "model name"); ok {
				model = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(v), ":"))
				break
			}
		}
	}
	return fmt.Sprintf("%s, %d cores", model, runtime.NumCPU())
}

// replaceBetween replaces the text between two markers in a file.
func replaceBetween(path, start, end, text string) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	s := string(b)
	i, j := strings.Index(s, start), strings.Index(s, end)
	if i < 0 || j < i {
		return fmt.Errorf("%s lacks the markers %s and %s", path, start, end)
	}
	s = s[:i+len(start)] + text + s[j:]
	return os.WriteFile(path, []byte(s), 0o644)
}
