package serve

import (
	"time"

	"github.com/snnptnt-nghean/qms/internal/qms"
)

// vietnam is Vietnam's time zone (UTC+7, no daylight saving time): the
// date statuses are evaluated at changes at midnight there.
var vietnam = time.FixedZone("ICT", 7*3600)

// dateChanged stands for a new as-of date among the changed paths.
const dateChanged = "\x00DATE"

// today returns the date the next build evaluates statuses at: today in
// Vietnam by Options.Now when Options.FollowClock is set, else the fixed
// Build.AsOf.
func (s *Server) today() qms.Date {
	if !s.opts.FollowClock {
		return s.opts.Build.AsOf
	}
	return vietnamDate(s.opts.Now())
}

// vietnamDate returns the date of t in Vietnam.
func vietnamDate(t time.Time) qms.Date { return qms.DateOf(t.In(vietnam)) }

// turnDate moves the builds to today's date when it is not the date they
// use, and reports whether it did. Only the goroutine that builds calls it.
func (s *Server) turnDate() bool {
	d := s.today()
	if d == s.asOf {
		return false
	}
	s.asOf = d
	s.live.SetAsOf(d)
	return true
}
