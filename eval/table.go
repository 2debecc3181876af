package eval

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
)

// writeTable prints one row per metric and one column per extractor. The
// labels come from the first column; every column lists the same metrics
// in the same order because the same scoring produced them.
func writeTable(w io.Writer, names []string, cols [][]Line) error {
	// Labels are padded by hand so that they stay left-aligned while the
	// numbers are right-aligned.
	width := len("metric")
	if len(cols) > 0 {
		for _, l := range cols[0] {
			width = max(width, len(l.Label))
		}
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "%-*s\t%s\t\n", width, "metric", strings.Join(names, "\t"))
	if len(cols) > 0 {
		for i, l := range cols[0] {
			vals := make([]string, len(cols))
			for j, c := range cols {
				if i < len(c) {
					vals[j] = c[i].Value
				}
			}
			fmt.Fprintf(tw, "%-*s\t%s\t\n", width, l.Label, strings.Join(vals, "\t"))
		}
	}
	fmt.Fprintln(tw)
	return tw.Flush()
}

// ratio formats n/d with three decimals, or "-" when d is zero.
func ratio(n, d float64) string {
	if d == 0 {
		return "-"
	}
	return fmt.Sprintf("%.3f", n/d)
}
