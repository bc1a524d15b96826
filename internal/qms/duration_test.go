package qms

import (
	"strings"
	"testing"
)

func TestParseDuration(t *testing.T) {
	tests := []struct {
		in   string
		want Duration
	}{
		{"07 ngày làm việc", Duration{7, WorkDays}},
		{"7 ngày làm việc", Duration{7, WorkDays}},
		{"01 ngày làm việc", Duration{1, WorkDays}},
		{"15 ngày làm việc", Duration{15, WorkDays}},
		{"04 giờ làm việc", Duration{4, WorkHours}},
		{"20 ngày", Duration{20, CalendarDays}},
		{"24 giờ", Duration{24, CalendarHours}},
		{"7d", Duration{7, WorkDays}},
		{"7D", Duration{7, WorkDays}},
		{"7 d", Duration{7, WorkDays}},
		{"4h", Duration{4, WorkHours}},
		{"4H", Duration{4, WorkHours}},
		{"007d", Duration{7, WorkDays}},
		// Case, spaces, NBSP, NFD, no diacritics.
		{"07 NGÀY LÀM VIỆC", Duration{7, WorkDays}},
		{"07 Ngày Làm Việc", Duration{7, WorkDays}},
		{"  07   ngày\tlàm  việc ", Duration{7, WorkDays}},
		{"07\u00a0ngày\u00a0làm\u00a0việc", Duration{7, WorkDays}},
		{"07ngày làm việc", Duration{7, WorkDays}},
		{"07 nga\u0300y la\u0300m vie\u0323\u0302c", Duration{7, WorkDays}}, // NFD
		{"07 nga\u0300y la\u0300m vie\u0302\u0323c", Duration{7, WorkDays}}, // marks in another order
		{"04 gio\u031B\u0300 la\u0300m vie\u0323\u0302c", Duration{4, WorkHours}},
		{"07 ngay lam viec", Duration{7, WorkDays}},
		{"04 gio lam viec", Duration{4, WorkHours}},
		{"20 ngay", Duration{20, CalendarDays}},
		{"24 GIO", Duration{24, CalendarHours}},
		// The starting point of the count is ignored.
		{"03 ngày làm việc, kể từ ngày nhận đủ hồ sơ", Duration{3, WorkDays}},
		{"03 ngày làm việc kể từ ngày nhận đủ hồ sơ", Duration{3, WorkDays}},
		{"15 ngày làm việc kể từ khi nhận được hồ sơ đầy đủ hợp lệ", Duration{15, WorkDays}},
		{"05 ngày làm việc , kể từ ngày nhận hồ sơ", Duration{5, WorkDays}},
		{"7 ngay lam viec ke tu ngay nhan ho so", Duration{7, WorkDays}},
		// Decimal days become whole hours of the same kind.
		{"0,5 ngày làm việc", Duration{4, WorkHours}},
		{"0.5 ngày làm việc", Duration{4, WorkHours}},
		{"1,5 ngày làm việc", Duration{12, WorkHours}},
		{"0,25 ngày làm việc", Duration{2, WorkHours}},
		{"0,5d", Duration{4, WorkHours}},
		{"1,5 ngày", Duration{36, CalendarHours}},
		{"2,0 ngày làm việc", Duration{2, WorkDays}},
		{"99999 ngày", Duration{99999, CalendarDays}},
	}
	for _, tt := range tests {
		got, err := ParseDuration(tt.in)
		if err != nil {
			t.Errorf("ParseDuration(%q): %v", tt.in, err)
			continue
		}
		if got != tt.want {
			t.Errorf("ParseDuration(%q) = %v (%#v), want %v", tt.in, got, got, tt.want)
		}
		again, err := ParseDuration(got.String())
		if err != nil || again != got {
			t.Errorf("ParseDuration(%q) = %#v, %v; want %#v", got.String(), again, err, got)
		}
	}
}

func TestParseDurationErrors(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"", "trống"},
		{" \u00a0 ", "trống"},
		{"ngày làm việc", "cần bắt đầu bằng một số"},
		{"một ngày", "cần bắt đầu bằng một số"},
		{"Không quy định", "cần bắt đầu bằng một số"},
		{"+3 ngày", "cần bắt đầu bằng một số"},
		{"-3 ngày", "không được âm"},
		{"−3 ngày làm việc", "không được âm"},
		{"-7d", "không được âm"},
		{"0 ngày", "phải lớn hơn 0"},
		{"00 giờ làm việc", "phải lớn hơn 0"},
		{"0d", "phải lớn hơn 0"},
		{"0,0 ngày", "phải lớn hơn 0"},
		{"7", "đơn vị không hợp lệ"},
		{"7 tháng", "đơn vị không hợp lệ"},
		{"7 tuần", "đơn vị không hợp lệ"},
		{"7 phút", "đơn vị không hợp lệ"},
		{"7 ngày làm", "đơn vị không hợp lệ"},
		{"7 ngày làm việc.", "đơn vị không hợp lệ"},
		{"7 ngảy làm việc", "đơn vị không hợp lệ"}, // wrong diacritics are not folded away
		{"7 ngày lam viec", "đơn vị không hợp lệ"}, // nor are mixed spellings
		{"7dd", "đơn vị không hợp lệ"},
		{"7w", "đơn vị không hợp lệ"},
		{"10 - 15 ngày", "đơn vị không hợp lệ"},
		{"05 ngày làm việc (cấp mới); 03 ngày làm việc (gia hạn)", "đơn vị không hợp lệ"},
		{"03 (đơn vị không ghi trên trang)", "đơn vị không hợp lệ"},
		{"7 ngày làm việc kể", "đơn vị không hợp lệ"},
		{"1,5 giờ", "số giờ phải là số nguyên"},
		{"1,5h", "số giờ phải là số nguyên"},
		{"0,1 ngày làm việc", "phải tròn giờ"},
		{"0,3 ngày", "phải tròn giờ"},
		{"0,1234 ngày", "quá nhiều chữ số"},
		{"100000 ngày", "quá nhiều chữ số"},
		{"99999,5 ngày", "quá lớn"},
		{"9999999999999999999999 ngày", "quá nhiều chữ số"},
		{"\xff7d", "UTF-8"},
		{strings.Repeat("7", 201), "quá dài"},
	}
	for _, tt := range tests {
		d, err := ParseDuration(tt.in)
		if err == nil {
			t.Errorf("ParseDuration(%q) = %#v, want an error containing %q", tt.in, d, tt.want)
			continue
		}
		if !strings.Contains(err.Error(), tt.want) {
			t.Errorf("ParseDuration(%q) error %q, want it to contain %q", tt.in, err, tt.want)
		}
	}
}

// TestParseDurationErrorHint checks that errors name the accepted forms.
func TestParseDurationErrorHint(t *testing.T) {
	for _, in := range []string{"", "x", "7 tháng", "-1d", "0h"} {
		_, err := ParseDuration(in)
		if err == nil || !strings.Contains(err.Error(), `"07 ngày làm việc"`) || !strings.Contains(err.Error(), `"4h"`) {
			t.Errorf("ParseDuration(%q) error %v, want it to list the accepted forms", in, err)
		}
	}
}

// TestDurationWorkingHours checks the link between the parsed forms and
// working time: a working day is 8 working hours, calendar time is not
// working time.
func TestDurationWorkingHours(t *testing.T) {
	tests := []struct {
		in    string
		hours int
		ok    bool
	}{
		{"05 ngày làm việc", 40, true},
		{"5d", 40, true},
		{"40h", 40, true},
		{"0,5 ngày làm việc", 4, true},
		{"20 ngày", 0, false},
		{"24 giờ", 0, false},
	}
	for _, tt := range tests {
		d, err := ParseDuration(tt.in)
		if err != nil {
			t.Fatalf("ParseDuration(%q): %v", tt.in, err)
		}
		h, ok := d.WorkingHours()
		if h != tt.hours || ok != tt.ok {
			t.Errorf("ParseDuration(%q).WorkingHours() = %d, %v; want %d, %v", tt.in, h, ok, tt.hours, tt.ok)
		}
	}
}

func BenchmarkParseDuration(b *testing.B) {
	for b.Loop() {
		if _, err := ParseDuration("07 ngày làm việc"); err != nil {
			b.Fatal(err)
		}
	}
}
