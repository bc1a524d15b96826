package main

import (
	"context"
	"strings"
	"testing"
)

// TestReportExitCodes: a round end that mixes a date and a git revision,
// an impossible date, reversed dates and a missing content root are usage
// errors (2); a round between two dates needs no git repository.
func TestReportExitCodes(t *testing.T) {
	dir := t.TempDir() // empty, and not inside a git repository
	for _, tc := range []struct {
		args []string
		want int
	}{
		{[]string{"report", "--root", dir, "--from", "2020-10-01", "--to", "2020-12-31"}, exitOK},
		{[]string{"report", "--root", dir, "--from", "2020-10-01"}, exitOK},
		{[]string{"report", "--root", dir, "--from", "2020-10-01", "--to", "HEAD"}, exitUsage},
		{[]string{"report", "--root", dir, "--from", "HEAD", "--to", "2020-12-31"}, exitUsage},
		{[]string{"report", "--root", dir, "--from", "2020-02-30", "--to", "2020-12-31"}, exitUsage},
		{[]string{"report", "--root", dir, "--from", "2021-01-01", "--to", "2020-12-31"}, exitUsage},
		{[]string{"report", "--root", dir + "/does-not-exist", "--from", "2020-10-01", "--to", "2020-12-31"}, exitUsage},
		{[]string{"report", "--root", dir, "--from", "HEAD"}, exitUsage},
	} {
		var out, errb strings.Builder
		if got := run(context.Background(), tc.args, &out, &errb); got != tc.want {
			t.Errorf("qms %s: exit %d, want %d\n%s", strings.Join(tc.args, " "), got, tc.want, errb.String())
		}
	}
}
