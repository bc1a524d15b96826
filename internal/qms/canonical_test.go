package qms

import "testing"

func TestNumberCanonical(t *testing.T) {
	for in, want := range map[string]string{
		"79/QD-UBND":      "79/QĐ-UBND",
		"61/2018/ND-CP":   "61/2018/NĐ-CP",
		"12/2020/NQ-HDND": "12/2020/NQ-HĐND",
		"5/qyd-snn":       "5/QyĐ-SNN",
		"79/QĐ-UBND":      "",
		"448/SNN-VP":      "",
		"3/HD-SNN":        "", // Hướng dẫn
		"7/DA-UBND":       "", // Dự án
		"79/2015/QH13":    "",
		"1067/QD-SNN-VP":  "1067/QĐ-SNN-VP",
	} {
		n, err := ParseNumber(in)
		if err != nil {
			t.Fatalf("%s: %v", in, err)
		}
		c, ok := n.Canonical()
		if ok != (want != "") || ok && c.String() != want {
			t.Errorf("Canonical(%s) = %s, %v; want %q", in, c, ok, want)
		}
		if ok && c.Type == "" && want != "12/2020/NQ-HĐND" {
			t.Errorf("Canonical(%s): no type", in)
		}
	}
}
