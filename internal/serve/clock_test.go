package serve

import (
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/snnptnt-nghean/qms/internal/qms"
)

// fakeClock is a clock the test moves by hand.
type fakeClock struct{ ns atomic.Int64 }

func newFakeClock(t time.Time) *fakeClock {
	c := &fakeClock{}
	c.set(t)
	return c
}

func (c *fakeClock) set(t time.Time) { c.ns.Store(t.UnixNano()) }
func (c *fakeClock) now() time.Time  { return time.Unix(0, c.ns.Load()) }
func (c *fakeClock) String() string  { return c.now().In(vietnam).Format(time.RFC3339) }

// ict returns a time in Vietnam.
func ict(y, mo, d, h, mi, s int) time.Time {
	return time.Date(y, time.Month(mo), d, h, mi, s, 0, vietnam)
}

func day(y, m, d int) qms.Date { return qms.Date{Year: y, Month: m, Day: d} }

// expiring is a decision that expires on 02/06/2025: in force on 01/06,
// expired from 02/06.
const (
	expiringFile = "decisions/15-2025-qd-ubnd.md"
	expiringURL  = "/decisions/15-2025-qd-ubnd/"
	expiringDoc  = `---
number: "15/2025/QĐ-UBND"
type: quyet-dinh
issuer: UBND tỉnh Nghệ An
issued: 2025-01-02
expires: 2025-06-02
title: Quyết định có thời hạn
---
Quyết định.
`
	inForce = "Còn hiệu lực"
	expired = "Hết hiệu lực (hết thời hạn)"
)

// status returns which of the two statuses the expiring decision's page
// shows, failing when it shows neither or both.
func (h *harness) status() (string, string) {
	h.t.Helper()
	code, body, _ := h.get(expiringURL)
	if code != 200 {
		h.t.Fatalf("GET %s = %d", expiringURL, code)
	}
	a, b := strings.Contains(body, inForce), strings.Contains(body, expired)
	if a == b {
		h.t.Fatalf("the page shows in force %v, expired %v:\n%s", a, b, body)
	}
	if a {
		return inForce, body
	}
	return expired, body
}

// TestVietnamDate: the date changes at midnight in UTC+7, not in UTC.
func TestVietnamDate(t *testing.T) {
	utc := func(y, mo, d, h, mi, s int) time.Time { return time.Date(y, time.Month(mo), d, h, mi, s, 0, time.UTC) }
	for _, c := range []struct {
		at   time.Time
		want qms.Date
	}{
		{utc(2025, 6, 1, 16, 59, 59), day(2025, 6, 1)},
		{utc(2025, 6, 1, 17, 0, 0), day(2025, 6, 2)},
		{utc(2025, 6, 1, 23, 30, 0), day(2025, 6, 2)},
		{utc(2025, 6, 2, 0, 30, 0), day(2025, 6, 2)},
		{utc(2025, 12, 31, 17, 0, 0), day(2026, 1, 1)},
		{ict(2025, 6, 1, 23, 59, 59).In(time.FixedZone("CEST", 2*3600)), day(2025, 6, 1)},
	} {
		if got := vietnamDate(c.at); got != c.want {
			t.Errorf("vietnamDate(%s) = %s, want %s", c.at, got, c.want)
		}
	}
}

// TestDateFollowsClock: without a fixed date, serve builds as of today in
// Vietnam; crossing midnight in UTC changes nothing, crossing midnight in
// Vietnam rebuilds with no file changed, and the decision that expires
// that day shows as expired, in a new generation the event stream
// announces.
func TestDateFollowsClock(t *testing.T) {
	clock := newFakeClock(ict(2025, 6, 1, 6, 30, 0))
	h := start(t, func(o *Options) {
		write(t, filepath.Join(o.Build.Root, filepath.FromSlash(expiringFile)), expiringDoc)
		o.Build.AsOf = day(2020, 1, 1) // not used
		o.FollowClock = true
		o.Now = clock.now
	})
	if d := h.srv.AsOf(); d != day(2025, 6, 1) {
		t.Fatalf("AsOf at %s = %s", clock, d)
	}
	events := h.stream()
	first := next(t, events)
	if s, body := h.status(); s != inForce || pageGen(t, body) != first.Gen {
		t.Fatalf("at %s the decision is %q in generation %s, want in force in %s", clock, s, pageGen(t, body), first.Gen)
	}

	// Midnight in UTC is 07:00 in Vietnam: the same day. The poller looks
	// at the clock on every tick, so by the time an edit made afterwards
	// is served it has seen this time; the edit's rebuild must be the
	// next generation.
	clock.set(ict(2025, 6, 1, 7, 30, 0))
	h.edit("processes/qt-01.md", "title: Quy trình cấp giấy phép thử", "title: Quy trình đã sửa")
	e := next(t, events)
	_, body, _ := h.get("/processes/qt-01/")
	if !strings.Contains(body, "Quy trình đã sửa") || pageGen(t, body) != e.Gen {
		t.Fatalf("the event after the edit (%+v) is not the edit's build; log:\n%s", e, h.log.String())
	}
	if s, _ := h.status(); s != inForce || h.srv.AsOf() != day(2025, 6, 1) {
		t.Fatalf("at %s: %q as of %s", clock, s, h.srv.AsOf())
	}
	if strings.Contains(h.log.String(), "ngày xét hiệu lực") {
		t.Errorf("a new day logged at %s:\n%s", clock, h.log.String())
	}

	clock.set(ict(2025, 6, 1, 23, 59, 0))
	if s, _ := h.status(); s != inForce {
		t.Fatalf("at %s the decision is %q", clock, s)
	}

	// Past midnight in Vietnam: a rebuild with no file changed.
	clock.set(ict(2025, 6, 2, 0, 0, 5))
	e2 := next(t, events)
	if e2.Gen == e.Gen || e2.Error != "" {
		t.Fatalf("after midnight the stream sent %+v (before: %s)", e2, e.Gen)
	}
	s, body := h.status()
	if s != expired || pageGen(t, body) != e2.Gen {
		t.Fatalf("after midnight the decision is %q in generation %s, want expired in %s", s, pageGen(t, body), e2.Gen)
	}
	if h.srv.AsOf() != day(2025, 6, 2) || h.srv.Generation() != e2.Gen {
		t.Errorf("serving %s as of %s", h.srv.Generation(), h.srv.AsOf())
	}
	log := h.log.String()
	for _, w := range []string{"Sang ngày mới, ngày xét hiệu lực: 02/06/2025.", "Ngày xét hiệu lực thay đổi; đã dựng lại"} {
		if !strings.Contains(log, w) {
			t.Errorf("the log lacks %q:\n%s", w, log)
		}
	}
	if n := strings.Count(log, "Sang ngày mới"); n != 1 {
		t.Errorf("%d new days logged:\n%s", n, log)
	}
	// Every page is of the new generation, not only the decision's.
	if _, body, _ := h.get("/processes/qt-01/"); pageGen(t, body) != e2.Gen {
		t.Errorf("the process page is not of the new generation")
	}
}

// TestFixedDateIgnoresClock: with a fixed as-of date the clock passing
// midnight rebuilds nothing; an edit made afterwards is the next
// generation, and the decision is still in force.
func TestFixedDateIgnoresClock(t *testing.T) {
	clock := newFakeClock(ict(2025, 6, 1, 23, 59, 0))
	h := start(t, func(o *Options) {
		write(t, filepath.Join(o.Build.Root, filepath.FromSlash(expiringFile)), expiringDoc)
		o.Build.AsOf = day(2025, 6, 1)
		o.Now = clock.now
	})
	events := h.stream()
	first := next(t, events)
	if s, _ := h.status(); s != inForce {
		t.Fatalf("as of 01/06/2025 the decision is %q", s)
	}
	clock.set(ict(2025, 6, 3, 8, 0, 0))
	h.edit("processes/qt-01.md", "title: Quy trình cấp giấy phép thử", "title: Quy trình đã sửa")
	e := next(t, events)
	_, body, _ := h.get("/processes/qt-01/")
	if e.Gen == first.Gen || !strings.Contains(body, "Quy trình đã sửa") || pageGen(t, body) != e.Gen {
		t.Fatalf("the event after the edit (%+v) is not the edit's build; log:\n%s", e, h.log.String())
	}
	if s, _ := h.status(); s != inForce {
		t.Errorf("with a fixed date, after the clock moved the decision is %q", s)
	}
	if h.srv.AsOf() != day(2025, 6, 1) {
		t.Errorf("AsOf = %s", h.srv.AsOf())
	}
	if strings.Contains(h.log.String(), "ngày xét hiệu lực") || strings.Contains(h.log.String(), "Ngày xét hiệu lực") {
		t.Errorf("the log has a new date:\n%s", h.log.String())
	}
}
