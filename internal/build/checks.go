package build

import (
	"runtime"
	"sync"

	"github.com/snnptnt-nghean/qms/internal/check"
	"github.com/snnptnt-nghean/qms/internal/qms"
)

// runChecks runs the checks over the corpus as check.Run does, several at
// once: each check only reads the corpus, and the diagnostics are sorted
// into the same order whatever order the checks end in. The error is that
// of the first failing check in list order.
func runChecks(c *qms.Corpus, list []*check.Check, today qms.Date) ([]qms.Diagnostic, error) {
	workers := min(runtime.GOMAXPROCS(0), len(list))
	if workers <= 1 {
		return check.Run(c, list, today)
	}
	type result struct {
		diags []qms.Diagnostic
		err   error
	}
	results := make([]result, len(list))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for i := range jobs {
				results[i].diags, results[i].err = check.Run(c, list[i:i+1], today)
			}
		})
	}
	for i := range list {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	var diags []qms.Diagnostic
	for _, r := range results {
		if r.err != nil {
			return nil, r.err
		}
		diags = append(diags, r.diags...)
	}
	return qms.SortDiagnostics(diags), nil
}
