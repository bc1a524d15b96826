package checks

import (
	"reflect"
	"testing"
)

func TestEditDistance(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"abc", "abc", 0},
		{"3463", "3436", 1}, // transposition
		{"3463", "346", 1},
		{"3463", "34631", 1},
		{"qt-ts-01", "qt-ts-10", 1},
		{"kitten", "sitting", 3},
		{"ca", "abc", 3}, // optimal string alignment, not full Damerau
	} {
		if got := editDistance([]rune(tc.a), []rune(tc.b), 10); got != tc.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
	if got := editDistance([]rune("kitten"), []rune("sitting"), 1); got != 2 {
		t.Errorf("bounded editDistance = %d, want bound+1 = 2", got)
	}
}

func TestNearest(t *testing.T) {
	numbers := []string{"3463/QĐ-UBND", "3464/QĐ-UBND", "1067/QĐ-SNN-VP", "61/2018/NĐ-CP"}
	for _, tc := range []struct {
		s    string
		want []string
	}{
		{"3436/QĐ-UBND", []string{"3463/QĐ-UBND"}},
		{"1076/QĐ-SNN-VP", []string{"1067/QĐ-SNN-VP"}},
		{"3465/QĐ-UBND", []string{"3463/QĐ-UBND", "3464/QĐ-UBND"}},
		{"61/2018/NĐ-CP", nil}, // itself
		{"61/2019/ND-CP", []string{"61/2018/NĐ-CP"}},
		{"155/KH-SNN-VP", nil}, // nothing near
		{"snn-ts-01", []string{"SNN-TS-01"}},
	} {
		got := nearest(tc.s, append(numbers, "SNN-TS-01"))
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("nearest(%q) = %q, want %q", tc.s, got, tc.want)
		}
	}
	many := []string{"QT-01", "QT-02", "QT-03", "QT-04"}
	if got := nearest("QT-05", many); got != nil {
		t.Errorf("nearest with %d ties = %q, want none", len(many), got)
	}
	if got := didYouMean("QT-1", []string{"QT-01"}); got != "; có phải “QT-01”?" {
		t.Errorf("didYouMean = %q", got)
	}
}
